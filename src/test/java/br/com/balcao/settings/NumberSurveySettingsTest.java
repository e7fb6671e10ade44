package br.com.balcao.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.SurveySettings;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A number's satisfaction survey on the numbers page: off by default, saved with its audit row, WhatsApp's limits. */
@IntegrationTest
class NumberSurveySettingsTest {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired NumberDirectory numbers;

    private UserDetails admin;
    private long numberId;
    private String name;

    @BeforeEach
    void anAdminAndANumber() {
        String email = data.email("admin");
        data.user("ADMIN", email);
        admin = users.loadUserByUsername(email);
        name = "Pesquisa " + TestData.unique();
        numberId = data.number(name);
    }

    @Test
    void theFormShowsTheDefaultsOffAndSavesTheSurveyWithItsAuditRow() throws Exception {
        String page = mvc.perform(get("/settings/numbers").param("number", String.valueOf(numberId)).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"survey\"", "Pesquisa de satisfação", "name=\"goodTitle\"", "value=\"Bom\"",
                "value=\"Ruim\"", "avalia o nosso atendimento?");
        assertThat(numbers.survey(numberId)).isEqualTo(SurveySettings.DEFAULT);

        mvc.perform(survey("  Gostou do atendimento?  ", "Sim", "", "Não").param("commentPrompt", " Conte mais? "))
                .andExpect(status().is3xxRedirection());

        assertThat(numbers.survey(numberId))
                .isEqualTo(new SurveySettings(true, "Gostou do atendimento?", "Sim", "", "Não", "Conte mais?"));
        assertThat(jdbc.queryForObject("""
                SELECT new_value ->> 'question' FROM audit_log WHERE action = 'number.surveyChanged' AND subject = ?
                """, String.class, name)).isEqualTo("Gostou do atendimento?");
    }

    @Test
    void whatsAppsLimitsAreRefusedInWordsAndNothingChanges() throws Exception {
        assertRefused(survey("x".repeat(1025), "Ótimo", "Bom", "Ruim"),
                "The question can have at most 1024 characters");
        assertRefused(survey("Como foi?", "Excelente atendimento!", "Bom", "Ruim"),
                "A button title can have at most 20 characters");
        assertRefused(survey("   ", "Ótimo", "Bom", "Ruim"), "Write the survey&#39;s question.");
        assertRefused(survey("Como foi?", "Ótimo", "Bom", "Ruim").param("commentPrompt", "x".repeat(1025)),
                "The comment prompt can have at most 1024 characters.");
        assertRefused(survey("Como foi?", " ", "", ""), "Give at least one button a title.");
        assertRefused(survey("Como foi?", "Bom", "bom", "Ruim"),
                "The buttons need different titles");

        assertThat(numbers.survey(numberId)).isEqualTo(SurveySettings.DEFAULT);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'number.surveyChanged' "
                + "AND subject = ?", Long.class, name)).isZero();
    }

    @Test
    void exactlyTwentyCharactersAndTheEmojiTitlesAreAccepted() throws Exception {
        mvc.perform(survey("Como foi?", "x".repeat(20), "😐 Regular", "Ruim"))
                .andExpect(status().is3xxRedirection());

        assertThat(numbers.survey(numberId).goodTitle()).hasSize(20);
        assertThat(numbers.survey(numberId).okTitle()).isEqualTo("😐 Regular");
    }

    private void assertRefused(MockHttpServletRequestBuilder request, String reason) throws Exception {
        String page = mvc.perform(request).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(reason);
    }

    /** The form as the page sends it, the survey switched on. */
    private MockHttpServletRequestBuilder survey(String question, String good, String ok, String bad) {
        return post("/settings/numbers/{id}/survey", numberId).with(user(admin)).with(csrf()).param("lang", "en")
                .param("_enabled", "on").param("enabled", "true").param("question", question)
                .param("goodTitle", good).param("okTitle", ok).param("badTitle", bad);
    }
}
