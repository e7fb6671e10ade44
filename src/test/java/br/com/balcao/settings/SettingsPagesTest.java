package br.com.balcao.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The settings tabs render for admins in both languages; templates' variables; tags; the audit page. */
@IntegrationTest
class SettingsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    UserDetails admin;
    long numberId;

    @BeforeEach
    void anAdminAndANumber() {
        String email = data.email("admin");
        data.user("ADMIN", email);
        admin = users.loadUserByUsername(email);
        numberId = data.number("Padaria " + TestData.unique());
    }

    @Test
    void everyTabRendersInPortugueseAndEnglish() throws Exception {
        long agentId = data.user("AGENT", data.email("agent"));
        mvc.perform(get("/settings").with(user(admin))).andExpect(status().is3xxRedirection());
        for (String path : List.of("/settings/numbers?number=" + numberId, "/settings/numbers?create=true",
                "/settings/users", "/settings/users/" + agentId, "/settings/templates?number=" + numberId,
                "/settings/tags", "/settings/audit", "/settings/backups")) {
            String portuguese = page(path);
            assertThat(portuguese).as(path).contains("Configurações").doesNotContain("??");
            String english = mvc.perform(get(path).param("lang", "en").with(user(admin))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(english).as(path).contains("Settings").doesNotContain("??");
        }
    }

    @Test
    void withAnExternalDatabaseTheBackupsTabSaysTheAppDoesNotBackItUp() throws Exception {
        assertThat(page("/settings/backups")).contains("Banco de dados externo")
                .contains("usa um PostgreSQL externo (spring.datasource.url) e não faz cópias dele")
                .contains("pgBackRest").contains("pg_dump").doesNotContain("Fazer uma cópia agora");
        mvc.perform(post("/settings/backups").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aTemplatesVariablesAreDetectedAndPreviewed() throws Exception {
        String preview = mvc.perform(post("/settings/templates/preview").with(user(admin)).with(csrf())
                        .param("numberId", String.valueOf(numberId)).param("name", "").param("language", "pt_BR")
                        .param("category", "UTILITY").param("status", "APPROVED")
                        .param("body", "Olá {{1}}, seu pedido {{2}} saiu. Obrigado, {{1}}!"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("2 variáveis").contains("Olá [valor 1], seu pedido [valor 2] saiu. Obrigado, [valor 1]!");

        createTemplate("pedido_saiu", "Olá {{1}}, seu pedido {{2}} saiu.").andExpect(status().is3xxRedirection());
        assertThat(page("/settings/templates?number=" + numberId)).contains("pedido_saiu").contains("2 variáveis");

        String gap = createTemplate("com_lacuna", "Olá {{1}}, código {{3}}").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(gap).contains("As variáveis precisam ser numeradas de {{1}} a {{3}} sem pular nenhuma.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_templates WHERE number_id = ?", Integer.class,
                numberId)).isEqualTo(1);
    }

    @Test
    void tagChangesAreAuditedAndShownOnTheAuditPage() throws Exception {
        String name = "VIP " + TestData.unique();
        mvc.perform(post("/settings/tags").param("name", name).param("color", "#FF0000").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long tagId = jdbc.queryForObject("SELECT id FROM tags WHERE name = ?", Long.class, name);
        mvc.perform(post("/settings/tags/{id}", tagId).param("name", name).param("color", "#00aa00")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForList("SELECT action || ' ' || coalesce(old_value ->> 'color', '-') || '>' "
                + "|| coalesce(new_value ->> 'color', '-') FROM audit_log WHERE subject = ? ORDER BY id", String.class, name))
                .containsExactly("tag.created ->#ff0000", "tag.updated #ff0000>#00aa00");
        assertThat(page("/settings/audit")).contains("Etiqueta alterada").contains(name).contains("#00aa00")
                .contains("Test ADMIN");
    }

    @Test
    void aDuplicateTagIsRefused() throws Exception {
        String name = "Urgente " + TestData.unique();
        mvc.perform(post("/settings/tags").param("name", name).param("color", "#ff0000").with(user(admin)).with(csrf()));
        mvc.perform(post("/settings/tags").param("name", name.toUpperCase()).param("color", "#ff0000")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theTimeZoneIsPickedFromBrazilsZonesFirstThenEveryOtherByItsReadableName() throws Exception {
        String page = mvc.perform(get("/settings/numbers").param("number", String.valueOf(numberId)).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        List<String> labels = Pattern.compile("<option value=\"[^\"]+\" label=\"([^\"]+)\"").matcher(page).results()
                .map(match -> match.group(1)).toList();
        assertThat(labels.get(0)).isEqualTo("Brasília (America/Sao_Paulo)");
        assertThat(labels.subList(0, 16)).allMatch(label -> label.contains("(America/")).contains(
                "Manaus, Amazonas (America/Manaus)", "Fernando de Noronha (America/Noronha)");
        assertThat(labels).contains("Tokyo — Horário do Japão (Asia/Tokyo)").hasSizeGreaterThan(300)
                .doesNotHaveDuplicates();
        assertThat(page).contains("list=\"number-zone-choices\"").containsPattern("name=\"timeZone\"[^>]*value=\"America/Sao_Paulo\"");

        String english = mvc.perform(get("/settings/numbers?lang=en").param("number", String.valueOf(numberId))
                .with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Tokyo — Japan Time (Asia/Tokyo)");
    }

    @Test
    void aNumbersFieldsAreChangedAndAudited() throws Exception {
        String pnid = data.phoneNumberId(numberId);
        mvc.perform(post("/settings/numbers/{id}", numberId).with(user(admin)).with(csrf()).param("name", "Padaria Nova")
                        .param("displayPhone", "+55 11 4000-0000").param("phoneNumberId", pnid)
                        .param("timeZone", "America/Manaus").param("notifyNextOpening", "true")
                        .param("afterHoursMessage", "Voltamos às 8h.").param("exitKeyword", "tchau")
                        .param("customerInactivityMinutes", "30").param("queueTimeoutMinutes", "90"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForMap("SELECT name, time_zone, notify_next_opening, exit_keyword, "
                + "customer_inactivity_minutes FROM business_numbers WHERE id = ?", numberId))
                .containsEntry("name", "Padaria Nova").containsEntry("time_zone", "America/Manaus")
                .containsEntry("notify_next_opening", true).containsEntry("exit_keyword", "tchau")
                .containsEntry("customer_inactivity_minutes", 30);
        assertThat(jdbc.queryForObject("SELECT new_value ->> 'timeZone' FROM audit_log WHERE action = 'number.updated' "
                + "AND subject = 'Padaria Nova'", String.class)).isEqualTo("America/Manaus");

        mvc.perform(post("/settings/numbers/{id}", numberId).with(user(admin)).with(csrf()).param("name", "Padaria Nova")
                        .param("displayPhone", "+55 11 4000-0000").param("phoneNumberId", pnid)
                        .param("timeZone", "Marte/Olimpo").param("exitKeyword", "tchau")
                        .param("customerInactivityMinutes", "30").param("queueTimeoutMinutes", "90"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aNewNumberGetsItsTicketSequenceAndItsPhoneNumberIdMustBeFree() throws Exception {
        String pnid = "77" + TestData.unique();
        mvc.perform(post("/settings/numbers").with(user(admin)).with(csrf()).param("name", "Quiosque")
                        .param("displayPhone", "+55 11 5000-0000").param("phoneNumberId", pnid)
                        .param("timeZone", "America/Sao_Paulo").param("exitKeyword", "sair")
                        .param("customerInactivityMinutes", "60").param("queueTimeoutMinutes", "120"))
                .andExpect(status().is3xxRedirection());
        long created = jdbc.queryForObject("SELECT id FROM business_numbers WHERE phone_number_id = ?", Long.class, pnid);
        assertThat(jdbc.queryForObject("SELECT next_ticket_number(?)", Long.class, created)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'number.created' "
                + "AND new_value ->> 'phoneNumberId' = ?", Integer.class, pnid)).isEqualTo(1);

        String taken = mvc.perform(post("/settings/numbers").with(user(admin)).with(csrf()).param("name", "Cópia")
                        .param("displayPhone", "+55 11 5000-0001").param("phoneNumberId", pnid)
                        .param("timeZone", "America/Sao_Paulo").param("exitKeyword", "sair")
                        .param("customerInactivityMinutes", "60").param("queueTimeoutMinutes", "120"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(taken).contains("Outro número já usa este phone_number_id.").contains("Cópia");
    }

    @Test
    void aFieldsErrorIsShownNextToItInTheUsersLanguageWithWhatWasTypedAndNothingChanges() throws Exception {
        String tooLong = "Etiqueta, longa " + "x".repeat(30);
        String portuguese = mvc.perform(post("/settings/tags").param("name", tooLong).param("color", "#ff0000")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(portuguese).contains("No máximo 40 caracteres.").contains("value=\"" + tooLong + "\"")
                .containsPattern("id=\"tag-name\"[^>]*is-invalid|is-invalid[^>]*id=\"tag-name\"");
        String english = mvc.perform(post("/settings/tags").param("lang", "en").param("name", "  ")
                        .param("color", "#ff0000").with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Fill in this field.").doesNotContain("Preencha");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags WHERE name LIKE 'Etiqueta, longa%'", Integer.class))
                .isZero();

        String pnid = data.phoneNumberId(numberId);
        String notANumber = mvc.perform(post("/settings/numbers/{id}", numberId).with(user(admin)).with(csrf())
                        .param("name", "Padaria").param("displayPhone", "+55 11 4000-0000").param("phoneNumberId", pnid)
                        .param("timeZone", "America/Sao_Paulo").param("exitKeyword", "tchau")
                        .param("customerInactivityMinutes", "trinta").param("queueTimeoutMinutes", "90"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(notANumber).contains("Este valor não é válido.").contains("value=\"tchau\"");
        String outOfRange = mvc.perform(post("/settings/numbers/{id}", numberId).with(user(admin)).with(csrf())
                        .param("name", " ").param("displayPhone", "+55 11 4000-0000").param("phoneNumberId", pnid)
                        .param("timeZone", "America/Sao_Paulo").param("exitKeyword", "tchau")
                        .param("customerInactivityMinutes", "30").param("queueTimeoutMinutes", "0"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(outOfRange).contains("Preencha este campo.").contains("Digite um número de 1 a 10080.")
                .contains("value=\"tchau\"");
        assertThat(jdbc.queryForObject("SELECT exit_keyword FROM business_numbers WHERE id = ?", String.class, numberId))
                .isNotEqualTo("tchau");
    }

    @Test
    void theFormsConstraintsAreTheBrowsersToo() throws Exception {
        String number = page("/settings/numbers?number=" + numberId);
        assertThat(control(number, "input", "number-name")).contains(" required").contains("maxlength=\"80\"")
                .doesNotContain("minlength").doesNotContain(" min=");
        assertThat(control(number, "input", "number-queueTimeoutMinutes")).contains(" required")
                .contains("min=\"1\"").contains("max=\"10080\"").doesNotContain("maxlength");
        assertThat(control(number, "textarea", "number-afterHoursMessage")).doesNotContain("required")
                .doesNotContain("maxlength");
        assertThat(control(number, "input", "holiday-day")).contains(" required");
        assertThat(control(number, "input", "holiday-name")).contains(" required").contains("maxlength=\"80\"");

        String templates = page("/settings/templates?number=" + numberId);
        assertThat(control(templates, "textarea", "template-body")).contains(" required")
                .contains("maxlength=\"1024\"");
        assertThat(control(templates, "select", "template-category")).contains(" required");
    }

    /** The opening tag of the control with that id. */
    private static String control(String page, String tag, String id) {
        var found = Pattern.compile("<" + tag + "\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(found.find()).as("a <%s> with the id %s", tag, id).isTrue();
        return found.group();
    }

    private org.springframework.test.web.servlet.ResultActions createTemplate(String name, String body) throws Exception {
        return mvc.perform(post("/settings/templates").with(user(admin)).with(csrf())
                .param("numberId", String.valueOf(numberId)).param("name", name).param("language", "pt_BR")
                .param("category", "UTILITY").param("status", "APPROVED").param("body", body));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
