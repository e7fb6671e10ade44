package br.com.balcao.reports;

import static br.com.balcao.monitoring.MonitoringRows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.monitoring.MonitoringRows;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The page and its downloads through MockMvc: who may see what, the period's checks, the CSV files. */
@IntegrationTest
class ReportPageTest {

    private static final String ZONE = "America/Sao_Paulo";
    private static final Instant NOW = at("2026-11-18T15:00", ZONE);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    TestClock clock;

    long number;
    long agent;
    UserDetails manager;
    String contactName;

    @BeforeEach
    void aNumberWithTwoTickets() {
        clock.set(NOW);
        MonitoringRows rows = new MonitoringRows(jdbc, data);
        number = rows.number("A Centro", ZONE);
        agent = rows.agent(number, "Ana", "OFFLINE", at("2026-11-16T08:00", ZONE), 0);
        long managerId = data.user("MANAGER", data.email("manager"));
        data.member(managerId, number);
        manager = userOf(managerId);
        long tag = rows.tag("Venda");
        long ticket = rows.ticket(number, at("2026-11-17T10:00", ZONE)).assigned(agent, at("2026-11-17T10:00", ZONE))
                .answered(at("2026-11-17T10:03:20", ZONE)).closed("ATTENDANT", at("2026-11-17T10:30", ZONE)).save()
                .tagged(tag).id();
        contactName = jdbc.queryForObject("SELECT c.name FROM contacts c JOIN tickets t ON t.contact_id = c.id WHERE t.id = ?",
                String.class, ticket);
        rows.ticket(number, at("2026-11-18T09:00", ZONE)).save();
    }

    @AfterEach
    void clockBackToStart() {
        clock.set(TestClock.START);
    }

    @Test
    void agentsMayNotOpenReportsAndAnotherNumberIsNotFound() throws Exception {
        UserDetails ana = userOf(agent);
        mvc.perform(get("/reports").param("number", String.valueOf(number)).with(user(ana)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reports/export.csv").param("number", "all").with(user(ana)))
                .andExpect(status().isForbidden());
        long foreign = new MonitoringRows(jdbc, data).number("C Outra", ZONE);
        mvc.perform(get("/reports").param("number", String.valueOf(foreign)).with(user(manager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reports/export.csv").param("number", String.valueOf(foreign)).with(user(manager)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageShowsTheFiguresOfThePeriodInBothLanguages() throws Exception {
        String page = page("/reports?number=" + number + "&period=LAST_7_DAYS");
        assertThat(page).contains("Relatórios", "Por atendente", "Ana", "0:03:20", "12/11/2026", "18/11/2026",
                "heat-5", "/reports/export.csv?number=" + number + "&amp;period=CUSTOM&amp;from=2026-11-12&amp;to=2026-11-18");
        String english = page("/reports?number=all&period=CUSTOM&from=2026-11-01&to=2026-11-30&group=WEEK&lang=en");
        assertThat(english).contains("By agent", "First response (average)", "2026-10-26", "2026-11-30");
    }

    @Test
    void badDatesAreRefusedWithTheirReason() throws Exception {
        assertThat(page("/reports?number=" + number + "&period=CUSTOM&from=2026-11-18&to=2026-11-01"))
                .contains("A data inicial vem depois da data final.").doesNotContain("id=\"table-periods\"");
        assertThat(page("/reports?number=" + number + "&period=CUSTOM&from=2025-01-01&to=2026-11-01&lang=en"))
                .contains("The period may have at most 366 days.").doesNotContain("id=\"table-periods\"");
        assertThat(page("/reports?number=" + number + "&period=CUSTOM&from=2026-13-45&to=2026-11-01"))
                .contains("A data inicial não é uma data válida.");
        assertThat(page("/reports?number=" + number + "&period=CUSTOM&from=2026-11-01"))
                .contains("Escolha as duas datas do período.");
        mvc.perform(get("/reports/export.csv?number=" + number + "&period=CUSTOM&from=2026-11-18&to=2026-11-01")
                        .with(user(manager)))
                .andExpect(redirectedUrl("/reports?number=" + number + "&period=CUSTOM&from=2026-11-18&to=2026-11-01"));
    }

    @Test
    void everyTableDownloadsAsSemicolonCsvWithAByteOrderMark() throws Exception {
        List<CSVRecord> periods = csv("PERIODS");
        assertThat(periods.get(0).values()).containsExactly("Período", "Criados", "Fechados", "Pelo atendente",
                "Pelo cliente", "Inatividade do cliente", "Transferidos", "Abandonados", "Perdidos",
                "1ª resposta (média)", "1ª resposta (p90)", "Resposta (média)", "Resposta (p90)", "Atendimento (média)",
                "Atendimento (p90)");
        // 2026-11-16 .. 18, then the total: 200 s first response (p90 edge 207), 1590 s of service (edge 1692).
        assertThat(periods).hasSize(5);
        assertThat(periods.get(2).values()).containsExactly("2026-11-17", "1", "1", "1", "0", "0", "0", "0", "0",
                "0:03:20", "0:03:27", "", "", "0:26:40", "0:28:12");
        assertThat(periods.get(4).get(0)).isEqualTo("Total");
        assertThat(periods.get(4).get(1)).isEqualTo("2");
        assertThat(csv("AGENTS").get(1).get(0)).isEqualTo("Ana");
        assertThat(csv("TAGS").get(1).get(1)).isEqualTo("1");
        List<CSVRecord> hours = csv("HOURS");
        assertThat(hours).hasSize(8);
        assertThat(hours.get(2).get(11)).isEqualTo("1"); // Tuesday, 10h

        jdbc.update("""
                UPDATE tickets SET survey_sent_at = closed_at, satisfaction = 'BAD', satisfaction_answered_at = closed_at,
                                   satisfaction_comment = 'Demorou'
                 WHERE number_id = ? AND closed_at IS NOT NULL""", number);
        List<CSVRecord> conversations = csv("CONVERSATIONS");
        assertThat(conversations.get(0).values()).containsExactly("Ticket", "Contato", "Telefone", "Número", "Atendente",
                "Etiquetas", "Criado em", "Primeira resposta em", "Fechado em", "Tempo até a 1ª resposta",
                "Tempo de atendimento", "Motivo de encerramento", "Satisfação", "Comentário da pesquisa");
        assertThat(conversations).hasSize(3);
        CSVRecord first = conversations.get(1);
        assertThat(first.get(1)).isEqualTo(contactName);
        assertThat(first.get(4)).isEqualTo("Ana");
        assertThat(first.get(5)).startsWith("Venda");
        assertThat(List.of(first.get(6), first.get(7), first.get(8), first.get(9), first.get(10), first.get(11)))
                .containsExactly("2026-11-17 10:00:00", "2026-11-17 10:03:20", "2026-11-17 10:30:00", "0:03:20",
                        "0:26:40", "pelo atendente");
        assertThat(List.of(first.get(12), first.get(13))).containsExactly("Ruim", "Demorou");
        assertThat(conversations.get(2).get(8)).isEmpty();
        assertThat(conversations.get(2).get(12)).as("a ticket still open was not surveyed").isEmpty();
    }

    @Test
    void satisfactionShowsOnThePageWithItsChartAndDownloads() throws Exception {
        jdbc.update("""
                UPDATE tickets SET survey_sent_at = closed_at, satisfaction = 'GOOD', satisfaction_answered_at = closed_at
                 WHERE number_id = ? AND closed_at IS NOT NULL""", number);

        assertThat(page("/reports?number=" + number + "&period=LAST_7_DAYS")).contains("id=\"satisfaction-chart\"",
                "Satisfação por atendente", "Pesquisas enviadas", "1 (100 %)", "data-good=\"0,0,0,0,0,1,0\"");
        assertThat(page("/reports?number=" + number + "&period=LAST_7_DAYS&lang=en")).contains("Satisfaction by agent",
                "Response rate (%)");

        List<CSVRecord> periods = csv("SATISFACTION");
        assertThat(periods.get(0).values()).containsExactly("Período", "Pesquisas enviadas", "Respondidas",
                "Taxa de resposta (%)", "Ótimo", "Ótimo (%)", "Bom", "Bom (%)", "Ruim", "Ruim (%)");
        assertThat(periods.get(1).values()).containsExactly("2026-11-16", "0", "0", "", "0", "", "0", "", "0", "");
        assertThat(periods.get(2).values()).containsExactly("2026-11-17", "1", "1", "100", "1", "100", "0", "0", "0", "0");
        assertThat(periods.get(4).get(0)).isEqualTo("Total");
        List<CSVRecord> agents = csv("SATISFACTION_AGENTS");
        assertThat(agents.get(0).get(0)).isEqualTo("Atendente");
        assertThat(agents.get(1).values()).containsExactly("Ana", "1", "1", "100", "1", "100", "0", "0", "0", "0");
    }

    private List<CSVRecord> csv(String table) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/reports/export.csv").param("number", String.valueOf(number))
                        .param("period", "CUSTOM").param("from", "2026-11-16").param("to", "2026-11-18")
                        .param("table", table).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains("attachment")
                .contains("report-" + table.toLowerCase() + "-2026-11-16-2026-11-18.csv");
        String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text.substring(1))).getRecords();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
