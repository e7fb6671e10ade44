package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * CSV import through its pages: a Brazilian spreadsheet's file (BOM, semicolons, accents, header in its own
 * order, an unknown column) with good and bad lines gives exactly the expected counts and rejected lines;
 * importing it again changes nothing; an export imports back as the same contacts.
 */
@IntegrationTest
class ContactImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ContactImports imports;

    ContactFixtures fixtures;
    long number;
    UserDetails agent;
    String existingPhone;
    long existing;

    @BeforeEach
    void aNumberWithOneContactAlready() {
        fixtures = new ContactFixtures(jdbc, data, users);
        number = data.number("Loja " + TestData.unique());
        agent = fixtures.member(number, true);
        existingPhone = ContactFixtures.mobile();
        existing = fixtures.contact(number, "Cliente Antigo", existingPhone, null, "Campinas", null,
                Instant.parse("2026-11-10T12:00:00Z"));
    }

    @Test
    void goodAndBadLinesGiveTheExpectedCountsAndEveryRejectedLineWithItsReason() throws Exception {
        String first = ContactFixtures.mobile();
        String second = ContactFixtures.mobile();
        String file = "\uFEFF" + String.join("\r\n",
                "Telefone;Nome;E-mail;Cidade;CPF/CNPJ;Plano",
                "+" + first + ";João Conceição;joao@exemplo.com.br;São Paulo;123.456.789-09;Ouro",
                "(" + second.substring(2, 4) + ") " + second.substring(4, 9) + "-" + second.substring(9)
                        + ";Maria Ângela;;Recife;;",
                ";Sem Telefone;sem@exemplo.com;;;",
                "123;Telefone Curto;;;;",
                "+" + ContactFixtures.mobile() + ";Cidade Longa;;" + "x".repeat(81) + ";;",
                "+" + first + ";João Repetido;;;;Prata",
                "+" + existingPhone + ";;antigo@exemplo.com;;;Bronze",
                "+" + ContactFixtures.mobile() + ";E-mail Ruim;não é e-mail;;;") + "\r\n";

        long importId = upload(file);
        String preview = page(importId);
        assertThat(preview).contains("id=\"import-preview\"").contains("João Conceição")
                .contains("Sem telefone").contains("Telefone inválido").contains("Campo “city” longo demais")
                .contains("Telefone repetido (já na linha 2)").contains("campo extra");

        Map<String, Object> job = run(importId);
        assertThat(job).containsEntry("status", "DONE").containsEntry("total_lines", 8)
                .containsEntry("processed", 8).containsEntry("created", 2).containsEntry("updated", 1)
                .containsEntry("unchanged", 0).containsEntry("rejected", 5);
        assertThat(jdbc.queryForList("""
                SELECT line_number || ' ' || reason FROM contact_import_rejections WHERE import_id = ? ORDER BY 1
                """, String.class, importId))
                .containsExactly("4 NO_PHONE", "5 INVALID_PHONE", "6 TOO_LONG", "7 DUPLICATE", "9 INVALID_EMAIL");

        Map<String, Object> joao = jdbc.queryForMap("""
                SELECT name, email, city, document, extra_fields::text AS extra, name_edited FROM contacts
                 WHERE number_id = ? AND phone_digits = ?
                """, number, first);
        assertThat(joao).containsEntry("name", "João Conceição").containsEntry("email", "joao@exemplo.com.br")
                .containsEntry("city", "São Paulo").containsEntry("document", "12345678909")
                .containsEntry("extra", "{\"Plano\": \"Ouro\"}").containsEntry("name_edited", true);
        assertThat(jdbc.queryForMap("SELECT name, email, city, extra_fields::text AS extra FROM contacts WHERE id = ?",
                existing))
                .containsEntry("name", "Cliente Antigo").containsEntry("email", "antigo@exemplo.com")
                .containsEntry("city", "Campinas").containsEntry("extra", "{\"Plano\": \"Bronze\"}");

        String summary = page(importId);
        assertThat(summary).contains("id=\"download-rejected\"").contains("Sem Telefone");
        String rejected = mvc.perform(get("/contacts/import/{id}/rejected.csv", importId).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = rejected.lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("\uFEFFTelefone;Nome;E-mail;Cidade;CPF/CNPJ;Plano;rejection_reason");
        assertThat(lines.get(1)).isEqualTo("\"\";Sem Telefone;sem@exemplo.com;;;;Sem telefone");

        long contactsBefore = contactsOfNumber();
        Map<String, Object> again = run(upload(file));
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 3)
                .containsEntry("rejected", 5);
        assertThat(contactsOfNumber()).isEqualTo(contactsBefore);

        // Alone, the line that repeated João's phone is no longer a duplicate: it updates him; the others stay wrong.
        Map<String, Object> rejectsAgain = run(upload(rejected));
        assertThat(rejectsAgain).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("rejected", 4);
    }

    @Test
    void anExportImportsBackAsTheSameContacts() throws Exception {
        fixtures.contact(number, "Zé \"Aspas\"; Vírgula, Ltda", ContactFixtures.mobile(), "ze@exemplo.com",
                "Florianópolis", "12345678000190", Instant.parse("2026-11-12T12:00:00Z"));
        jdbc.update("UPDATE contacts SET extra_fields = '{\"Loja\": \"Centro\", \"Obs\": \"linha 1\\nlinha 2\"}' WHERE id = ?",
                existing);
        byte[] export = mvc.perform(get("/contacts/export").with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(export, StandardCharsets.UTF_8)).startsWith("\uFEFFname;phone;email;city;document;");

        assertThat(run(upload(new String(export, StandardCharsets.UTF_8))))
                .containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2)
                .containsEntry("rejected", 0);

        long copy = data.number("Cópia " + TestData.unique());
        UserDetails copier = fixtures.member(copy, true);
        long importId = uploadAs(copier, new String(export, StandardCharsets.UTF_8));
        assertThat(runAs(copier, importId)).containsEntry("created", 2).containsEntry("rejected", 0);
        String columns = "name, phone_e164, email, city, document, extra_fields::text";
        assertThat(jdbc.queryForList("SELECT " + columns + " FROM contacts WHERE number_id = ? ORDER BY phone_e164", copy))
                .isEqualTo(jdbc.queryForList("SELECT " + columns + " FROM contacts WHERE number_id = ? ORDER BY phone_e164",
                        number));
    }

    @Test
    void aFileWithoutPhoneColumnIsShownWithTheProblemAndCannotStart() throws Exception {
        long importId = upload("name,email\nAna,ana@exemplo.com\n");
        assertThat(page(importId)).contains("Falta a coluna de telefone").doesNotContain("id=\"import-start\"");
        mvc.perform(post("/contacts/import/{id}/start", importId).with(user(agent)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("SELECT status FROM contact_imports WHERE id = ?", String.class, importId))
                .isEqualTo("PREVIEWED");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAMessage() throws Exception {
        byte[] latin1 = "telefone;nome\n11987654321;Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        String page = mvc.perform(multipart("/contacts/import")
                        .file(new MockMultipartFile("file", "latin1.csv", "text/csv", latin1))
                        .with(user(agent)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Não foi possível ler o arquivo como texto UTF-8.");
        String noFile = mvc.perform(multipart("/contacts/import")
                        .file(new MockMultipartFile("file", "vazio.csv", "text/csv", new byte[0]))
                        .with(user(agent)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(noFile).contains("id=\"import-error\"").contains("Escolha um arquivo CSV.");
    }

    @Test
    void anotherNumbersImportIsNotFound() throws Exception {
        long importId = upload("telefone\n11987654321\n");
        long other = data.number("Outra " + TestData.unique());
        UserDetails stranger = fixtures.member(other, true);
        mvc.perform(get("/contacts/import/{id}", importId).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/contacts/import/{id}/rejected.csv", importId).with(user(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anImportInterruptedMidwayGoesOnAfterItsLastWrittenBatch() throws Exception {
        int lines = 2 * ContactImports.BATCH + 500;
        List<String> phones = new java.util.ArrayList<>();
        StringBuilder file = new StringBuilder("Telefone;Nome\r\n");
        for (int i = 1; i <= lines; i++) {
            // The last line repeats the phone of line 2 (the first data line), written before the interruption.
            String phone = i == lines ? phones.get(0) : ContactFixtures.mobile();
            phones.add(phone);
            file.append('+').append(phone).append(";Cliente ").append(i).append("\r\n");
        }
        long importId = upload(file.toString());
        // As if the instance had stopped after writing the first batch: the job RUNNING, its file still here.
        jdbc.update("UPDATE contact_imports SET status = 'RUNNING', started_at = now(), processed = ? WHERE id = ?",
                ContactImports.BATCH, importId);

        imports.resumeInterrupted();
        Map<String, Object> job = awaitEnd(importId);

        assertThat(job).containsEntry("status", "DONE").containsEntry("processed", lines)
                .containsEntry("created", lines - ContactImports.BATCH - 1).containsEntry("rejected", 1);
        assertThat(jdbc.queryForList("SELECT line_number || ' ' || reason FROM contact_import_rejections WHERE import_id = ?",
                String.class, importId)).containsExactly((lines + 1) + " DUPLICATE");
        assertThat(contactWithPhone(phones.get(ContactImports.BATCH - 1))).as("a line of the written batch").isZero();
        assertThat(contactWithPhone(phones.get(ContactImports.BATCH))).as("the first line after it").isOne();
    }

    private long contactWithPhone(String phone) {
        return jdbc.queryForObject("SELECT count(*) FROM contacts WHERE number_id = ? AND phone_digits = ?", Long.class,
                number, phone);
    }

    private long upload(String content) throws Exception {
        return uploadAs(agent, content);
    }

    private long uploadAs(UserDetails who, String content) throws Exception {
        String location = mvc.perform(multipart("/contacts/import")
                        .file(new MockMultipartFile("file", "contatos.csv", "text/csv",
                                content.getBytes(StandardCharsets.UTF_8)))
                        .with(user(who)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String page(long importId) throws Exception {
        return mvc.perform(get("/contacts/import/{id}", importId).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private Map<String, Object> run(long importId) throws Exception {
        return runAs(agent, importId);
    }

    /** Starts the import and waits for the background run to finish (bounded). */
    private Map<String, Object> runAs(UserDetails who, long importId) throws Exception {
        mvc.perform(post("/contacts/import/{id}/start", importId).with(user(who)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return awaitEnd(importId);
    }

    private Map<String, Object> awaitEnd(long importId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Map<String, Object> job;
        do {
            Thread.sleep(20);
            job = jdbc.queryForMap("SELECT * FROM contact_imports WHERE id = ?", importId);
        } while ("RUNNING".equals(job.get("status")) && Instant.now().isBefore(deadline));
        return job;
    }

    private long contactsOfNumber() {
        return jdbc.queryForObject("SELECT count(*) FROM contacts WHERE number_id = ?", Long.class, number);
    }
}
