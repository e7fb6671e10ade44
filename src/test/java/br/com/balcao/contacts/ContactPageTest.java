package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The access policy seen through a page that takes an id: another number's contact does not exist. */
@IntegrationTest
class ContactPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    long numberOne;
    long numberTwo;
    long contactOfNumberOne;
    UserDetails agentOfNumberTwo;
    UserDetails agentOfNumberOne;

    @BeforeEach
    void twoNumbersWithAnAgentEach() {
        numberOne = data.number("Número Um");
        numberTwo = data.number("Número Dois");
        contactOfNumberOne = data.contact(numberOne, "<script>alert('x')</script> João");
        agentOfNumberOne = agentOn(numberOne);
        agentOfNumberTwo = agentOn(numberTwo);
    }

    @Test
    void aMemberOfTheNumberSeesTheContactWithItsNameAsText() throws Exception {
        String page = mvc.perform(get("/contacts/{id}", contactOfNumberOne).with(user(agentOfNumberOne)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; João")
                .doesNotContain("<script>alert");
    }

    @Test
    void anAgentOfAnotherNumberGetsNotFound() throws Exception {
        mvc.perform(get("/contacts/{id}", contactOfNumberOne).with(user(agentOfNumberTwo)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aContactThatDoesNotExistIsNotFoundAlike() throws Exception {
        mvc.perform(get("/contacts/{id}", Long.MAX_VALUE).with(user(agentOfNumberOne)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMalformedIdIsABadRequest() throws Exception {
        mvc.perform(get("/contacts/abc").with(user(agentOfNumberOne))).andExpect(status().isBadRequest());
    }

    private UserDetails agentOn(long numberId) {
        String email = data.email("agent");
        data.member(data.user("AGENT", email), numberId);
        return users.loadUserByUsername(email);
    }
}
