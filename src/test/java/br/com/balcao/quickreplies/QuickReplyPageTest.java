package br.com.balcao.quickreplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** The quick replies page: limits counted as people see characters, unique names, deletion, the Desk's view. */
@IntegrationTest
class QuickReplyPageTest {

    /** Thirty emoji of two code points each (a thumbs up with a skin tone): sixty code points, thirty characters. */
    static final String THIRTY_EMOJI = "👍🏽".repeat(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    UserDetails admin;
    String prefix;

    @BeforeEach
    void anAdmin() {
        String email = data.email("admin");
        data.user("ADMIN", email);
        admin = users.loadUserByUsername(email);
        prefix = "C" + TestData.unique() + " ";
    }

    @Test
    void aCategoryNameOfSixtyCharactersIsAcceptedAndSixtyOneIsRefusedWithTheReason() throws Exception {
        String sixty = name(60);
        createCategory(sixty).andExpect(status().is3xxRedirection());
        assertThat(categoryCount(sixty)).isEqualTo(1);

        String sixtyOne = name(61);
        String page = createCategory(sixtyOne).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("no máximo 60 caracteres (você digitou 61)");
        assertThat(categoryCount(sixtyOne)).isZero();
    }

    @Test
    void aReplyTitleOfThirtyCharactersIsAcceptedAndThirtyOneIsRefused() throws Exception {
        long categoryId = category(prefix + "Vendas");

        createReply(categoryId, "Á".repeat(30), "Olá!").andExpect(status().is3xxRedirection());
        String page = createReply(categoryId, "é".repeat(31), "Olá!").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        // The form keeps what was typed (th:field writes accented letters as HTML entities).
        assertThat(HtmlUtils.htmlUnescape(page)).contains("“Título” aceita no máximo 30 caracteres (você digitou 31)")
                .contains("é".repeat(31));
        assertThat(replyTitles(categoryId)).containsExactly("Á".repeat(30));
    }

    @Test
    void thirtyEmojiAreThirtyCharactersForThePageAndTheDatabase() throws Exception {
        long categoryId = category(prefix + "Emoji");
        String family = "👨‍👩‍👧"; // three people joined by zero-width joiners: one character

        createReply(categoryId, THIRTY_EMOJI, "👍").andExpect(status().is3xxRedirection());
        createReply(categoryId, family.repeat(30), "👪").andExpect(status().is3xxRedirection());
        createReply(categoryId, family.repeat(31), "👪").andExpect(status().isUnprocessableContent());

        assertThat(replyTitles(categoryId)).containsExactlyInAnyOrder(THIRTY_EMOJI, family.repeat(30));
        assertThatThrownBy(() -> jdbc.update("INSERT INTO quick_replies (category_id, title, body) VALUES (?, ?, 'x')",
                categoryId, THIRTY_EMOJI + "👍🏽")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO quick_reply_categories (name) VALUES (?)", "é".repeat(61)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void categoryNamesAreUniqueRegardlessOfCase() throws Exception {
        category(prefix + "Cobrança");

        String page = createCategory(prefix.toLowerCase() + "COBRANÇA").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Já existe uma categoria chamada");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quick_reply_categories WHERE lower(name) = lower(?)",
                Integer.class, prefix + "Cobrança")).isEqualTo(1);
    }

    @Test
    void deletingACategoryWithRepliesAsksFirstAndSaysHowManyGo() throws Exception {
        long categoryId = category(prefix + "Antiga");
        createReply(categoryId, "Um", "1");
        createReply(categoryId, "Dois", "2");

        String confirmation = mvc.perform(post("/quick-replies/categories/{id}/delete", categoryId)
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirmation).contains("As 2 respostas desta categoria também serão excluídas.");
        assertThat(replyTitles(categoryId)).hasSize(2);

        mvc.perform(post("/quick-replies/categories/{id}/delete", categoryId).param("confirmedReplies", "2")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quick_reply_categories WHERE id = ?", Integer.class,
                categoryId)).isZero();
        assertThat(replyTitles(categoryId)).isEmpty();
    }

    @Test
    void aNewOrEditedReplyShowsAtOnceInTheDeskSuggestions() throws Exception {
        long categoryId = category(prefix + "Entrega");
        String title = "Prazo " + TestData.unique();
        createReply(categoryId, title, "Entregamos em 2 dias.");

        suggestionsContain(title, "Entregamos em 2 dias.");

        long replyId = jdbc.queryForObject("SELECT id FROM quick_replies WHERE title = ?", Long.class, title);
        mvc.perform(post("/quick-replies/replies/{id}", replyId).param("categoryId", String.valueOf(categoryId))
                        .param("title", title).param("body", "Entregamos amanhã.").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        suggestionsContain(title, "Entregamos amanhã.");
    }

    @Test
    void aDeletedReplyLeavesTheSuggestionsAndAnEmptyCategoryGoesWithoutAsking() throws Exception {
        long categoryId = category(prefix + "Curta");
        String title = "Some " + TestData.unique();
        createReply(categoryId, title, "Logo some.");
        long replyId = jdbc.queryForObject("SELECT id FROM quick_replies WHERE title = ?", Long.class, title);

        mvc.perform(post("/quick-replies/replies/{id}/delete", replyId).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String json = mvc.perform(get("/quick-replies/suggestions").param("q", title).with(user(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"groups\":[]"); // the answer echoes the query, but lists nothing

        mvc.perform(post("/quick-replies/categories/{id}/delete", categoryId).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(categoryCount(prefix + "Curta")).isZero();
    }

    @Test
    void changesAreAudited() throws Exception {
        String name = prefix + "Auditada";
        long categoryId = category(name);
        mvc.perform(post("/quick-replies/categories/{id}", categoryId).param("name", name + " 2")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForList("""
                SELECT action || ':' || coalesce(old_value ->> 'name', '') || '>' || coalesce(new_value ->> 'name', '')
                  FROM audit_log WHERE subject LIKE ? ORDER BY id
                """, String.class, prefix + "%"))
                .containsExactly("quickReplies.categoryCreated:>" + name,
                        "quickReplies.categoryRenamed:" + name + ">" + name + " 2");
    }

    @Test
    void managersKeepTheQuickRepliesAndFindThemInTheMenuButAgentsDoNot() throws Exception {
        long numberId = data.number("Loja");
        UserDetails agent = member("AGENT", numberId);
        UserDetails manager = member("MANAGER", numberId);

        mvc.perform(get("/quick-replies").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/quick-replies/categories").param("name", prefix + "x").with(user(agent)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/quick-replies/suggestions").with(user(agent))).andExpect(status().isOk());
        assertThat(mvc.perform(get("/").with(user(agent))).andReturn().getResponse().getContentAsString())
                .doesNotContain("href=\"/quick-replies\"");

        String home = mvc.perform(get("/").with(user(manager))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("href=\"/quick-replies\"");
        mvc.perform(post("/quick-replies/categories").param("name", prefix + "Gestão").with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/quick-replies").with(user(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(prefix + "Gestão");
    }

    private UserDetails member(String role, long numberId) {
        String email = data.email(role.toLowerCase());
        data.member(data.user(role, email), numberId);
        return users.loadUserByUsername(email);
    }

    private String name(int length) {
        return prefix + "ç".repeat(length - prefix.length());
    }

    private long category(String name) throws Exception {
        createCategory(name).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("SELECT id FROM quick_reply_categories WHERE name = ?", Long.class, name);
    }

    private org.springframework.test.web.servlet.ResultActions createCategory(String name) throws Exception {
        return mvc.perform(post("/quick-replies/categories").param("name", name).with(user(admin)).with(csrf()));
    }

    private org.springframework.test.web.servlet.ResultActions createReply(long categoryId, String title, String body)
            throws Exception {
        return mvc.perform(post("/quick-replies/replies").param("categoryId", String.valueOf(categoryId))
                .param("title", title).param("body", body).with(user(admin)).with(csrf()));
    }

    private int categoryCount(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM quick_reply_categories WHERE name = ?", Integer.class, name);
    }

    private java.util.List<String> replyTitles(long categoryId) {
        return jdbc.queryForList("SELECT title FROM quick_replies WHERE category_id = ? ORDER BY id", String.class,
                categoryId);
    }

    private void suggestionsContain(String title, String text) throws Exception {
        String json = mvc.perform(get("/quick-replies/suggestions").param("q", title).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains(title).contains(text);
    }
}
