package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The customer simulator reads, follows and writes any customer's conversation of a number: managers and admins
 * only, on the numbers they see. On the demo's data, where bruno@demo.local is an agent of Loja Online (number 2)
 * only; a context of its own, since DemoDataTest counts the demo's users and this test adds one.
 */
@IntegrationTest
@ActiveProfiles("demo")
class SimulatorAccessTest {

    private static final long LOJA_CENTRO = 1;
    private static final long LOJA_ONLINE = 2;
    private static final String PHONE = "+55 11 96666-1111";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    TestData data;

    @Test
    void anAgentMayNeitherReadNorFollowNorWriteAsACustomerOfAnyNumber() throws Exception {
        UserDetails bruno = users.loadUserByUsername("bruno@demo.local");

        mvc.perform(get("/simulator").with(user(bruno))).andExpect(status().isForbidden());
        for (long number : List.of(LOJA_CENTRO, LOJA_ONLINE)) {
            for (AbstractMockHttpServletRequestBuilder<?> request : everyRequest(number)) {
                expect(request.with(user(bruno)), status().isForbidden());
            }
        }
    }

    @Test
    void aManagerPlaysTheCustomersOfTheirNumbersOnly() throws Exception {
        String email = data.email("manager");
        data.member(data.user("MANAGER", email), LOJA_ONLINE);
        UserDetails manager = users.loadUserByUsername(email);

        for (AbstractMockHttpServletRequestBuilder<?> request : everyRequest(LOJA_CENTRO)) {
            expect(request.with(user(manager)), status().isNotFound());
        }
        expect(get("/simulator/thread").param("numberId", String.valueOf(LOJA_ONLINE)).param("phone", PHONE)
                .with(user(manager)), status().isOk());
        String page = mvc.perform(get("/simulator").with(user(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Loja Online").doesNotContain("Loja Centro");
    }

    @Test
    void anAdminPlaysTheCustomersOfEveryNumber() throws Exception {
        UserDetails admin = users.loadUserByUsername("admin@demo.local");

        expect(get("/simulator").param("numberId", String.valueOf(LOJA_CENTRO)).with(user(admin)), status().isOk());
        expect(get("/simulator/thread").param("numberId", String.valueOf(LOJA_CENTRO)).param("phone", PHONE)
                .with(user(admin)), status().isOk());
    }

    @Test
    void aMessageThatCannotBeSentIsRefusedWithItsReasonAboveTheThread() throws Exception {
        UserDetails admin = users.loadUserByUsername("admin@demo.local");

        for (List<String> refused : List.of(List.of("12", "Oi", "Telefone inválido"),
                List.of(PHONE, " ", "Escreva uma mensagem de até 4.096 caracteres."),
                List.of(PHONE, "x".repeat(SimulatorController.MAX_TEXT + 1), "Escreva uma mensagem de até 4.096"))) {
            String thread = mvc.perform(post("/simulator/messages").param("numberId", String.valueOf(LOJA_CENTRO))
                            .param("phone", refused.get(0)).param("name", "").param("text", refused.get(1))
                            .with(user(admin)).with(csrf()))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
            assertThat(thread).as(refused.get(0) + " / " + refused.get(1).length()).contains("alert-danger")
                    .contains(refused.get(2));
        }
    }

    @Test
    void theMenuListsTheSimulatorToManagersAndAdminsOnly() throws Exception {
        assertThat(home("bruno@demo.local")).doesNotContain("href=\"/simulator\"");
        assertThat(home("manager@demo.local")).contains("href=\"/simulator\"");
        assertThat(home("admin@demo.local")).contains("href=\"/simulator\"");
    }

    /** The page, the thread, its live events, sending a text or a file and reacting, each for this number. */
    private static List<AbstractMockHttpServletRequestBuilder<?>> everyRequest(long number) {
        String id = String.valueOf(number);
        return List.<AbstractMockHttpServletRequestBuilder<?>>of(
                get("/simulator").param("numberId", id),
                get("/simulator/thread").param("numberId", id).param("phone", PHONE),
                get("/simulator/events").param("numberId", id).param("phone", PHONE),
                post("/simulator/messages").param("numberId", id).param("phone", PHONE).param("name", "Intrusa")
                        .param("text", "Quero meu reembolso").with(csrf()),
                multipart("/simulator/files").file(new MockMultipartFile("file", "nota.pdf", "application/pdf",
                        new byte[] {1})).param("numberId", id).param("phone", PHONE).with(csrf()),
                post("/simulator/reactions").param("numberId", id).param("phone", PHONE).param("messageId", "1")
                        .param("emoji", "👍").with(csrf()));
    }

    private void expect(RequestBuilder request, ResultMatcher status) throws Exception {
        mvc.perform(request).andExpect(status);
    }

    private String home(String email) throws Exception {
        return mvc.perform(get("/").with(user(users.loadUserByUsername(email)))).andReturn().getResponse()
                .getContentAsString();
    }
}
