package br.com.balcao.quickreplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the composer's "/" popup gets: replies whose title contains the query, ignoring accents and case,
 * grouped by category, at most 30. Every test's titles carry a token of their own, since quick replies are
 * shared by the whole database.
 */
@IntegrationTest
class QuickReplySuggestionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    QuickReplyCategoryRepository categories;

    @Autowired
    QuickReplyRepository replies;

    @Autowired
    QuickReplyCatalog catalog;

    String token;
    UserDetails agent;

    @BeforeEach
    void anAgentAndATokenOfThisTest() {
        token = "k" + TestData.unique();
        String email = data.email("agent");
        data.member(data.user("AGENT", email), data.number("Número " + token));
        agent = users.loadUserByUsername(email);
    }

    @Test
    void filtersByTitleIgnoringAccentsAndCaseAndGroupsByCategory() throws Exception {
        long vendas = category("Vendas " + token);
        long acoes = category("Ações " + token);
        reply(vendas, token + " Promoção relâmpago", "Só hoje: 20% de desconto em tudo!");
        reply(acoes, token + " Promoção", "Temos uma promoção para você.");
        reply(acoes, token + " Troca", "As trocas são em até 30 dias.");

        mvc.perform(get("/quick-replies/suggestions").param("q", token.toUpperCase() + " PROMOCAO")
                        .accept(MediaType.APPLICATION_JSON).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(2))
                // Categories in alphabetical order ignoring accents: "Ações" before "Vendas".
                .andExpect(jsonPath("$.groups[0].category").value("Ações " + token))
                .andExpect(jsonPath("$.groups[0].replies.length()").value(1))
                .andExpect(jsonPath("$.groups[0].replies[0].title").value(token + " Promoção"))
                .andExpect(jsonPath("$.groups[0].replies[0].text").value("Temos uma promoção para você."))
                .andExpect(jsonPath("$.groups[1].category").value("Vendas " + token))
                .andExpect(jsonPath("$.groups[1].replies[0].title").value(token + " Promoção relâmpago"));

        // Accented query against the same titles, in another case: the same two replies.
        mvc.perform(get("/quick-replies/suggestions").param("q", token + " proMOÇÃO")
                        .accept(MediaType.APPLICATION_JSON).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[*].replies[*].title",
                        Matchers.containsInAnyOrder(token + " Promoção", token + " Promoção relâmpago")));

        // Only the token: every reply of this test, titles in order within their category.
        mvc.perform(get("/quick-replies/suggestions").param("q", token)
                        .accept(MediaType.APPLICATION_JSON).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0].replies[*].title",
                        Matchers.contains(token + " Promoção", token + " Troca")))
                .andExpect(jsonPath("$.groups[1].replies[*].title", Matchers.contains(token + " Promoção relâmpago")));
    }

    @Test
    void answersAtMostThirtyReplies() {
        long category = category("Muitas " + token);
        for (int i = 0; i < 35; i++) {
            reply(category, token + " Resposta " + i, "Texto " + i);
        }
        List<QuickReplyCatalog.SuggestionGroup> groups = catalog.suggestions(token);
        assertThat(groups).singleElement().satisfies(group -> assertThat(group.replies()).hasSize(30));
    }

    @Test
    void titlesThatStartWithTheQueryComeFirstWhenTheListIsCut() {
        long category = category("Ordem " + token);
        for (int i = 0; i < 30; i++) {
            reply(category, "A " + token + "x " + i, "Texto " + i);
        }
        reply(category, token + "x começo", "Começa com a busca");
        assertThat(catalog.suggestions(token + "x")).singleElement().satisfies(group ->
                assertThat(group.replies()).extracting(QuickReplyCatalog.Suggestion::title)
                        .hasSize(30).contains(token + "x começo"));
    }

    @Test
    void likeWildcardsInTheQueryMatchOnlyThemselves() {
        long category = category("Curinga " + token);
        reply(category, token + " Boleto", "Segunda via");
        assertThat(catalog.suggestions(token.substring(0, 2) + "%")).noneSatisfy(group ->
                assertThat(group.category()).isEqualTo("Curinga " + token));
        assertThat(catalog.suggestions(token + "_Boleto")).isEmpty();
        assertThat(catalog.suggestions(token + " Boleto")).singleElement();
    }

    @Test
    void onlySignedInUsersMayAsk() throws Exception {
        mvc.perform(get("/quick-replies/suggestions").param("q", "a"))
                .andExpect(status().is3xxRedirection());
    }

    private long category(String name) {
        return categories.saveAndFlush(new QuickReplyCategory(name, TestClock.START)).getId();
    }

    private void reply(long categoryId, String title, String body) {
        replies.saveAndFlush(new QuickReply(categoryId, title, body, TestClock.START));
    }
}
