package br.com.balcao.hostile;

import static br.com.balcao.hostile.HostileText.CITY;
import static br.com.balcao.hostile.HostileText.FORMULAS;
import static br.com.balcao.hostile.HostileText.FORMULA_AT;
import static br.com.balcao.hostile.HostileText.FORMULA_HYPERLINK;
import static br.com.balcao.hostile.HostileText.FORMULA_MINUS;
import static br.com.balcao.hostile.HostileText.FORMULA_PLUS;
import static br.com.balcao.hostile.HostileText.HEADER_INJECTION;
import static br.com.balcao.hostile.HostileText.IMAGE;
import static br.com.balcao.hostile.HostileText.NAME;
import static br.com.balcao.hostile.HostileText.SCRIPT;
import static br.com.balcao.hostile.PlainTextAssert.assertNoRawMarkup;
import static br.com.balcao.hostile.PlainTextAssert.assertShownAsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A contacts CSV full of hostile values: imported, its preview, rejections and contacts shown as text; the
 * exported CSV and the rejected-lines CSV protect every value a spreadsheet would run as a formula, and the
 * export imports back unchanged. A file holding NUL characters (a UTF-16 file, say) is refused as unreadable.
 */
@IntegrationTest
class HostileCsvTest {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    long number;
    UserDetails agent;

    @BeforeEach
    void anAgentOfANumber() {
        number = data.number("CSV hostil " + TestData.unique());
        long agentId = data.agent(number, "OFFLINE");
        agent = users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                agentId));
    }

    @Test
    void hostileValuesAreImportedShownAsTextAndExportedWithFormulasProtected() throws Exception {
        String first = mobile();
        String second = mobile();
        String file = csv(List.of("nome", "telefone", "cidade", FORMULA_HYPERLINK, SCRIPT),
                List.of(NAME, first, CITY, FORMULA_PLUS, HostileText.all()),
                List.of(FORMULA_MINUS, second, FORMULA_AT, FORMULA_HYPERLINK, HEADER_INJECTION),
                List.of(HostileText.ofLength(10_001), mobile(), "", "", ""),
                List.of(HostileText.ofLength(121), mobile(), "", "", ""),
                List.of(SCRIPT, IMAGE, "", "", ""));

        long importId = upload("contatos.csv", file);
        assertShownAsText(page("/contacts/import/" + importId), "import preview", NAME, FORMULA_MINUS);
        Map<String, Object> job = run(importId);
        assertThat(job).containsEntry("status", "DONE").containsEntry("created", 2).containsEntry("rejected", 3);
        assertShownAsText(page("/contacts/import/" + importId), "import result", IMAGE);

        assertThat(stored(first)).containsEntry("name", NAME).containsEntry("city", CITY)
                .containsEntry("extra", Map.of(FORMULA_HYPERLINK, FORMULA_PLUS, SCRIPT, HostileText.all()));
        assertThat(stored(second)).containsEntry("name", FORMULA_MINUS).containsEntry("city", FORMULA_AT)
                .containsEntry("extra", Map.of(FORMULA_HYPERLINK, FORMULA_HYPERLINK, SCRIPT, HEADER_INJECTION));

        String exported = download("/contacts/export");
        assertFormulasProtected(exported, ';');
        assertFormulasProtected(download("/contacts/import/" + importId + "/rejected.csv"), ',');

        long again = upload("contatos-exportados.csv", exported);
        assertThat(run(again)).containsEntry("status", "DONE").containsEntry("unchanged", 2)
                .containsEntry("updated", 0).containsEntry("rejected", 0);
    }

    @Test
    void aFileWithNulCharactersIsRefusedAsUnreadableAndNothingIsKept() throws Exception {
        long importsBefore = imports();
        String page = mvc.perform(multipart("/contacts/import").file(new MockMultipartFile("file", "contatos.csv",
                        "text/csv", csv(List.of("nome", "telefone"), List.of("Ana\u0000", mobile()))
                                .getBytes(StandardCharsets.UTF_8))).with(user(agent)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-error\"").contains("UTF-8");
        assertThat(imports()).isEqualTo(importsBefore);
    }

    @Test
    void controlCharactersLeaveTheFileNameAndNeverReachAHeader() throws Exception {
        long importId = upload("a\r\nb\u0000" + IMAGE + ".csv", csv(List.of("nome", "telefone"), List.of("", "x")));
        run(importId);
        assertThat(jdbc.queryForObject("SELECT file_name FROM contact_imports WHERE id = ?", String.class, importId))
                .isEqualTo("ab" + IMAGE + ".csv");
        assertNoRawMarkup(page("/contacts/import/" + importId), "import with a hostile file name");
        MockHttpServletResponse rejected = mvc.perform(get("/contacts/import/{id}/rejected.csv", importId)
                .with(user(agent))).andReturn().getResponse();
        assertThat(rejected.getHeader(HttpHeaders.CONTENT_DISPOSITION)).doesNotContain("\r", "\n");
    }

    /** Every cell holding one of the corpus' formulas holds it behind an apostrophe; no cell starts a formula. */
    private static void assertFormulasProtected(String csv, char separator) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(separator).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).isNotEmpty();
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell).as(cell).doesNotStartWith("=").doesNotStartWith("@");
                if (cell.startsWith("+") || cell.startsWith("-")) {
                    assertThat(cell).as("only a phone may start with a sign").matches("[+-][0-9 ().-]*");
                }
                if (FORMULAS.contains(cell.replaceFirst("^'", ""))) {
                    assertThat(cell).startsWith("'");
                }
            }
        }
        assertThat(csv).contains("'" + FORMULA_HYPERLINK.replace("\"", "\"\""));
    }

    private static String csv(List<String> header, List<?>... lines) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<?> line : lines) {
                printer.printRecord(line);
            }
        }
        return out.toString();
    }

    private static String mobile() {
        return "+55 11 9" + String.format("%08d", TestData.unique() % 100_000_000);
    }

    private long upload(String fileName, String content) throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/contacts/import")
                .file(new MockMultipartFile("file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
                .with(user(agent)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(FormErrors.of(response)).isEqualTo(302);
        String location = response.getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Starts the import and waits for the background run to finish (bounded). */
    private Map<String, Object> run(long importId) throws Exception {
        mvc.perform(post("/contacts/import/{id}/start", importId).with(user(agent)).with(csrf()));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Map<String, Object> job;
        do {
            Thread.sleep(20);
            job = jdbc.queryForMap("SELECT status, created, updated, unchanged, rejected FROM contact_imports WHERE id = ?",
                    importId);
        } while ("RUNNING".equals(job.get("status")) && Instant.now().isBefore(deadline));
        return job;
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(agent))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String download(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(agent))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> stored(String phone) throws Exception {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT name, city, extra_fields::text AS extra FROM contacts
                 WHERE number_id = ? AND phone_digits = ?
                """, number, phone.replaceAll("[^0-9]", ""));
        row.put("extra", JsonMapper.builder().build().readValue((String) row.get("extra"),
                Map.class));
        return row;
    }

    private long imports() {
        return jdbc.queryForObject("SELECT count(*) FROM contact_imports WHERE number_id = ?", Long.class, number);
    }
}
