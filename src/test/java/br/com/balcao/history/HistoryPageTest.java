package br.com.balcao.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The history list through MockMvc: the window of the last 3 months against the fixed clock, every filter
 * alone and combined, keyset paging (3 tickets a page here), bad filters, and the CSV export.
 */
@IntegrationTest
@TestPropertySource(properties = "balcao.history.page-size=3")
class HistoryPageTest {

    private static final Pattern ROW = Pattern.compile("data-ticket-id=\"(\\d+)\"");
    private static final Pattern OLDER = Pattern.compile("id=\"history-older\"\\s+href=\"([^\"]+)\"");
    private static final Pattern NEWER = Pattern.compile("id=\"history-newer\"\\s+href=\"([^\"]+)\"");
    /** 2026-08-16 14:00 in São Paulo: three calendar months before the clock's 2026-11-16 14:00. */
    private static final Instant WINDOW_START = Instant.parse("2026-08-16T17:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    HistoryFixtures fixtures;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    long number;
    long ana;
    long bruno;
    UserDetails manager;

    @BeforeEach
    void aNumberWithTwoAgentsAndAManager() {
        clock.set(TestClock.START);
        number = fixtures.quietNumber("Histórico " + TestData.unique());
        ana = data.agent(number, "OFFLINE");
        bruno = data.agent(number, "OFFLINE");
        fixtures.rename(ana, "Ana Souza");
        fixtures.rename(bruno, "Bruno Lima");
        long managerId = data.user("MANAGER", data.email("manager"));
        data.member(managerId, number);
        manager = fixtures.userOf(managerId);
    }

    @Test
    void theLastThreeMonthsNewestFirstWithTheEdgeInstantIncludedAndTheSecondBeforeLeftOut() throws Exception {
        long contact = contact("Maria");
        long tooOld = closed(contact, ana, WINDOW_START.minusSeconds(1));
        long atTheEdge = closed(contact, ana, WINDOW_START);
        long lastWeek = closed(contact, bruno, TestClock.START.minus(Duration.ofDays(7)));
        long now = fixtures.ticket(number, contact, ana, TestClock.START.minusSeconds(60), "OPEN", null);
        long otherNumber = fixtures.quietNumber("Outro " + TestData.unique());
        long otherNumbers = fixtures.ticket(otherNumber, fixtures.contact(otherNumber, "Maria", digits()), null,
                TestClock.START.minus(Duration.ofDays(1)), "CLOSED", "LOST");

        String page = list("", manager);

        assertThat(rows(page)).containsExactly(now, lastWeek, atTheEdge)
                .doesNotContain(tooOld, otherNumbers);
        assertThat(page).contains("3 tickets").contains("desde 16/08/2026");
    }

    @Test
    void theWindowMovesWithTheClock() throws Exception {
        long contact = contact("Maria");
        long atTheEdge = closed(contact, ana, WINDOW_START);

        clock.set(TestClock.START.plusSeconds(1));

        assertThat(rows(list("", manager))).doesNotContain(atTheEdge);
        assertThat(list("", manager)).contains("Nenhum ticket neste período.");
    }

    @Test
    void eachRowShowsTheTicketAndADownloadLink() throws Exception {
        long contact = fixtures.contact(number, "José Conceição", "5511987650001");
        long ticket = closed(contact, ana, Instant.parse("2026-11-10T13:05:00Z"));
        long vip = fixtures.tag("VIP " + TestData.unique(), "#ff8800");
        fixtures.tagTicket(ticket, vip);

        String page = list("", manager);

        assertThat(page).contains("#" + fixtures.ticketNumber(ticket), "José Conceição", "+55 11 98765-0001",
                "Ana Souza", "10/11/2026 10:05", "10/11/2026 10:47", "42 min 00 s", "Encerrado", "pelo atendente",
                "fill=\"#ff8800\"", "/history/" + ticket + "/pdf");
    }

    @Test
    void eachFilterAlone() throws Exception {
        long maria = fixtures.contact(number, "Maria Antônia", "5511911112222");
        long joao = fixtures.contact(number, "João", "5521933334444");
        long byAna = closed(maria, ana, TestClock.START.minus(Duration.ofDays(40)));
        long byBruno = fixtures.ticket(number, joao, bruno, TestClock.START.minus(Duration.ofDays(3)), "CLOSED",
                "CLIENT_INACTIVITY");
        long open = fixtures.ticket(number, maria, bruno, TestClock.START.minus(Duration.ofHours(2)), "OPEN", null);
        long tag = fixtures.tag("Boleto " + TestData.unique(), "#0d6efd");
        fixtures.tagTicket(byBruno, tag);

        assertThat(rows(list("?agent=" + ana, manager))).containsExactly(byAna);
        assertThat(rows(list("?status=OPEN", manager))).containsExactly(open);
        assertThat(rows(list("?reason=CLIENT_INACTIVITY", manager))).containsExactly(byBruno);
        assertThat(rows(list("?contact=maria antonia", manager))).containsExactly(open, byAna);
        assertThat(rows(list("?contact=JOÃO", manager))).containsExactly(byBruno);
        assertThat(rows(list("?contact=3333", manager))).containsExactly(byBruno);
        assertThat(rows(mvc.perform(get("/history").param("contact", "+55 11 9111").with(user(manager)))
                .andReturn().getResponse().getContentAsString())).containsExactly(open, byAna);
        assertThat(rows(list("?tag=" + tag, manager))).containsExactly(byBruno);
        assertThat(rows(list("?ticket=" + fixtures.ticketNumber(byAna), manager))).containsExactly(byAna);
        assertThat(rows(list("?from=2026-11-13", manager))).containsExactly(open, byBruno);
        assertThat(rows(list("?to=2026-11-13", manager))).containsExactly(byBruno, byAna);
    }

    @Test
    void aPeriodCountsWholeDaysInTheNumbersTimeZone() throws Exception {
        long contact = contact("Maria");
        // 23:30 on the 9th in São Paulo is already the 10th in UTC.
        long lateOnTheNinth = closed(contact, ana, Instant.parse("2026-11-10T02:30:00Z"));
        long earlyOnTheTenth = closed(contact, ana, Instant.parse("2026-11-10T03:00:00Z"));

        assertThat(rows(list("?from=2026-11-09&to=2026-11-09", manager))).containsExactly(lateOnTheNinth);
        assertThat(rows(list("?from=2026-11-10&to=2026-11-10", manager))).containsExactly(earlyOnTheTenth);
    }

    @Test
    void theContactFilterFindsEveryWordOfTheNameInAnyOrderOnThisNumberOnly() throws Exception {
        long inOrder = closed(contact("Joaquim Leão Bragança"), ana, TestClock.START.minus(Duration.ofDays(3)));
        long anyOrder = closed(contact("Bragança Joaquim dos Santos"), ana, TestClock.START.minus(Duration.ofDays(2)));
        long accented = closed(contact("María Ñúñez Gonçalves"), ana, TestClock.START.minus(Duration.ofDays(1)));
        closed(contact("Joaquim Silva"), ana, TestClock.START.minus(Duration.ofHours(5)));
        long otherNumber = fixtures.quietNumber("Outro " + TestData.unique());
        fixtures.ticket(otherNumber, fixtures.contact(otherNumber, "Joaquim Leão Bragança", digits()), null,
                TestClock.START.minus(Duration.ofHours(1)), "CLOSED", "ATTENDANT");

        assertThat(rows(listByContact("Joaquim Bragança"))).containsExactly(anyOrder, inOrder);
        assertThat(rows(listByContact("BRAGANCA joaquim"))).containsExactly(anyOrder, inOrder);
        assertThat(rows(listByContact("joaquim leao"))).containsExactly(inOrder);
        assertThat(rows(listByContact("maria goncalves"))).containsExactly(accented);
        assertThat(rows(listByContact("joaquim souza"))).isEmpty();
    }

    @Test
    void filtersCombineAndStayInTheLinks() throws Exception {
        long maria = fixtures.contact(number, "Maria", digits());
        long other = fixtures.contact(number, "Paula", digits());
        long match = fixtures.ticket(number, maria, ana, TestClock.START.minus(Duration.ofDays(2)), "CLOSED", "CLIENT");
        closed(maria, ana, TestClock.START.minus(Duration.ofDays(2)));
        fixtures.ticket(number, maria, bruno, TestClock.START.minus(Duration.ofDays(2)), "CLOSED", "CLIENT");
        fixtures.ticket(number, other, ana, TestClock.START.minus(Duration.ofDays(2)), "CLOSED", "CLIENT");
        fixtures.ticket(number, maria, ana, TestClock.START.minus(Duration.ofDays(20)), "CLOSED", "CLIENT");

        String query = "?from=2026-11-10&agent=" + ana + "&status=CLOSED&reason=CLIENT&contact=mar";
        String page = list(query, manager);

        assertThat(rows(page)).containsExactly(match);
        assertThat(page).contains("1 ticket com estes filtros")
                .contains("/history/export.csv?from=2026-11-10&amp;agent=" + ana
                        + "&amp;status=CLOSED&amp;reason=CLIENT&amp;contact=mar\"")
                .contains("value=\"2026-11-10\"").contains("value=\"mar\"");
    }

    @Test
    void pagesGoOlderAndBackNewerKeepingTheFilters() throws Exception {
        long contact = contact("Maria");
        List<Long> newestFirst = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            newestFirst.add(closed(contact, ana, TestClock.START.minus(Duration.ofDays(day))));
        }
        closed(contact, bruno, TestClock.START.minus(Duration.ofHours(1)));

        String first = list("?agent=" + ana, manager);
        String second = list(link(OLDER, first), manager);
        String third = list(link(OLDER, second), manager);
        String backToSecond = list(link(NEWER, third), manager);

        assertThat(rows(first)).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(rows(second)).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(rows(third)).containsExactlyElementsOf(newestFirst.subList(6, 7));
        assertThat(rows(backToSecond)).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(first).doesNotContain("id=\"history-newer\"").contains("7 tickets com estes filtros");
        assertThat(third).doesNotContain("id=\"history-older\"");
        assertThat(link(OLDER, first)).contains("agent=" + ana);
    }

    @Test
    void badFiltersSayWhatIsWrongAndListNothing() throws Exception {
        closed(contact("Maria"), ana, TestClock.START.minus(Duration.ofDays(1)));

        String page = list("?from=ontem&ticket=abc&status=PERDIDO", manager);
        assertThat(page).contains("A data inicial não é uma data válida.",
                "O número do ticket deve ser um número inteiro positivo.", "Escolha uma situação da lista.");
        assertThat(rows(page)).isEmpty();

        assertThat(list("?from=2026-11-10&to=2026-11-01", manager))
                .contains("A data final deve ser igual ou posterior à data inicial.");
        assertThat(list("?status=OPEN&reason=CLIENT", manager))
                .contains("O motivo de encerramento só existe para tickets encerrados.");
        assertThat(list("?ticket=0", manager)).contains("O número do ticket deve ser um número inteiro positivo.");
        assertThat(list("?contact=" + "x".repeat(121), manager)).contains("no máximo 120 caracteres");
        assertThat(list("?lang=en&from=yesterday", manager)).contains("The start date is not a valid date.");
    }

    @Test
    void anAgentSeesTheTicketsOfTheirNumber() throws Exception {
        long contact = contact("Maria");
        long bruno1 = closed(contact, bruno, TestClock.START.minus(Duration.ofDays(1)));

        assertThat(rows(list("", fixtures.userOf(ana)))).containsExactly(bruno1);
    }

    @Test
    void theCsvHasEveryFilteredTicketNotOnlyThePage() throws Exception {
        long maria = fixtures.contact(number, "=HYPERLINK(\"x\")", "5511955556666");
        long vip = fixtures.tag("Cliente VIP " + TestData.unique(), "#198754");
        List<Long> tickets = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            tickets.add(closed(maria, ana, TestClock.START.minus(Duration.ofDays(day))));
        }
        fixtures.tagTicket(tickets.get(0), vip);
        closed(maria, bruno, TestClock.START.minus(Duration.ofDays(1)));

        var response = mvc.perform(get("/history/export.csv?agent=" + ana).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse();
        String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> lines = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(csv.substring(1)))
                .getRecords();

        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("-history-2026-11-16.csv");
        assertThat(lines.get(0).values()).containsExactly("Ticket", "Contato", "Telefone", "Atendente", "Aberto em",
                "Encerrado em", "Duração", "Situação", "Etiquetas");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1).values()).containsExactly(String.valueOf(fixtures.ticketNumber(tickets.get(0))),
                "'=HYPERLINK(\"x\")", "+55 11 95555-6666", "Ana Souza", "2026-11-15 14:00:00", "2026-11-15 14:42:00",
                "0:42:00", "Encerrado (pelo atendente)", lines.get(1).get(8));
        assertThat(lines.get(1).get(8)).startsWith("Cliente VIP ");
        assertThat(lines.get(5).get(0)).isEqualTo(String.valueOf(fixtures.ticketNumber(tickets.get(4))));
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).doesNotContain(","));

        String withCommas = mvc.perform(get("/history/export.csv?separator=COMMA&agent=" + ana).with(user(manager)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(withCommas).startsWith("\uFEFFTicket,Contato,Telefone,");
    }

    @Test
    void aCsvWithBadFiltersGoesBackToThePage() throws Exception {
        mvc.perform(get("/history/export.csv?ticket=abc").with(user(manager)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/history?ticket=abc"));
    }

    private long contact(String name) {
        return fixtures.contact(number, name, digits());
    }

    private long closed(long contact, Long agent, Instant createdAt) {
        return fixtures.ticket(number, contact, agent, createdAt, "CLOSED", "ATTENDANT");
    }

    private static String digits() {
        return "55119" + String.format("%08d", TestData.unique() % 100_000_000);
    }

    private String listByContact(String contact) throws Exception {
        return mvc.perform(get("/history").param("contact", contact).with(user(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String list(String query, UserDetails user) throws Exception {
        return mvc.perform(get("/history" + query).with(user(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static List<Long> rows(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = ROW.matcher(page);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private static String link(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("a link %s", pattern).isTrue();
        return matcher.group(1).replace("&amp;", "&").replaceFirst("^/history", "");
    }
}
