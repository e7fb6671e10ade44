package br.com.balcao.afterhours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.shared.Phones;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The after-hours list: the columns in each case (N/D without the return option, No, Yes after "1"), the
 * 7-day edge on a fixed clock, empty with 24-hour service, and an active message flipping "Message sent?".
 */
@IntegrationTest
class AfterHoursPageTest {

    private static final Instant NOW = TestClock.START;
    private static final Pattern ROW = Pattern.compile(
            "<tr class=\"after-hours-row\" id=\"ah-row-(\\d+)\">(.*?)</tr>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AfterHoursAutomation automation;

    @Autowired
    TestClock clock;

    long number;
    long agent;

    @BeforeEach
    void aClosedNumberAndItsAgent() {
        clock.set(NOW);
        number = data.number("Loja " + TestData.unique()); // no service hours: closed all the time
        agent = data.agent(number, "OFFLINE");
    }

    @Test
    void withoutTheReturnOptionRequestedReturnIsNotAvailable() throws Exception {
        long contact = writesAfterHours("Maria Conceição", "Oi", NOW.minus(Duration.ofHours(2)));

        Map<Long, String> rows = rows(page());
        assertThat(rows).hasSize(1);
        String row = rows.values().iterator().next();
        assertThat(cells(row)).containsExactly("16/11/2026 12:00", "Maria Conceição", phoneOf(contact), "N/D", "Não",
                "Enviar mensagem ativa");
    }

    @Test
    void withTheReturnOptionItIsNoUntilTheCustomerAnswersOne() throws Exception {
        jdbc.update("UPDATE business_numbers SET notify_next_opening = true WHERE id = ?", number);
        long answered = writesAfterHours("Pedro", "Boa noite", NOW.minus(Duration.ofHours(3)));
        automation.handle(number, answered, "Pedro", phoneOf(answered), "1", NOW.minus(Duration.ofHours(2)));
        writesAfterHours(null, "Olá", NOW.minus(Duration.ofHours(1)));

        List<List<String>> lines = rows(page()).values().stream().map(AfterHoursPageTest::cells).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).subList(1, 5)).containsExactly("(Sem nome)", lines.get(0).get(2), "Não", "Não");
        assertThat(lines.get(1).get(1)).isEqualTo("Pedro");
        assertThat(lines.get(1).get(3)).isEqualTo("Sim");
    }

    @Test
    void onlyTheLastSevenDaysAreListedNewestFirst() throws Exception {
        writesAfterHours("Dentro", "Oi", NOW.minus(Duration.ofDays(7)).plusSeconds(60));
        writesAfterHours("Fora", "Oi", NOW.minus(Duration.ofDays(7)).minusSeconds(60));
        writesAfterHours("Ontem", "Oi", NOW.minus(Duration.ofDays(1)));

        List<String> names = rows(page()).values().stream().map(row -> cells(row).get(1)).toList();
        assertThat(names).containsExactly("Ontem", "Dentro");

        clock.set(NOW.plus(Duration.ofMinutes(2)));
        assertThat(rows(page()).values().stream().map(row -> cells(row).get(1)).toList()).containsExactly("Ontem");
    }

    @Test
    void aNumberOpenTwentyFourHoursListsNobody() throws Exception {
        writesAfterHours("Maria", "Oi", NOW.minus(Duration.ofHours(2)));
        jdbc.update("UPDATE business_numbers SET always_open = true WHERE id = ?", number);
        String page = page();
        assertThat(rows(page)).isEmpty();
        assertThat(page).contains("id=\"always-open\"").contains("id=\"after-hours-empty\"");
    }

    @Test
    void sendingAnActiveMessageFromTheListFlipsMessageSentAndRecordsIt() throws Exception {
        long contact = writesAfterHours("Maria", "Oi", NOW.minus(Duration.ofHours(2)));
        long template = jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, ?, 'pt_BR', 'UTILITY', 'Olá, {{1}}! Podemos ajudar?', 'APPROVED') RETURNING id
                """, Long.class, number, "retorno_" + TestData.unique());
        String page = page();
        long rowId = rows(page).keySet().iterator().next();
        assertThat(page).contains("aria-controls=\"ah-panel-" + rowId + "\"")
                .contains("hx-get=\"/desk/contacts/" + contact + "/active-messages/new\"");

        mvc.perform(post("/desk/contacts/{id}/active-messages", contact).with(user(userOf(agent))).with(csrf())
                        .header("HX-Request", "true").param("templateId", String.valueOf(template))
                        .param("values", "Maria"))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForMap("""
                SELECT active_message_sent_at, active_message_sent_by_id FROM after_hours_contacts WHERE id = ?
                """, rowId)).containsEntry("active_message_sent_at", Timestamp.from(NOW))
                .containsEntry("active_message_sent_by_id", agent);
        String row = mvc.perform(get("/after-hours/{id}/row", rowId).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cells(row).get(4)).startsWith("Sim");
        assertThat(cells(rows(page()).get(rowId)).get(4)).startsWith("Sim");
    }

    @Test
    void anotherNumbersRowIsNotFound() throws Exception {
        writesAfterHours("Maria", "Oi", NOW.minus(Duration.ofHours(2)));
        long rowId = rows(page()).keySet().iterator().next();
        long stranger = data.agent(data.number("Outra " + TestData.unique()), "OFFLINE");
        mvc.perform(get("/after-hours/{id}/row", rowId).with(user(userOf(stranger)))).andExpect(status().isNotFound());
    }

    @Test
    void anAgentWithoutTheContactsPermissionIsRefusedTheListAndItsRows() throws Exception {
        writesAfterHours("Maria", "Oi", NOW.minus(Duration.ofHours(2)));
        long rowId = rows(page()).keySet().iterator().next();
        jdbc.update("UPDATE memberships SET can_contacts = false WHERE user_id = ?", agent);

        mvc.perform(get("/after-hours").with(user(userOf(agent)))).andExpect(status().isForbidden());
        mvc.perform(get("/after-hours/{id}/row", rowId).with(user(userOf(agent)))).andExpect(status().isForbidden());
    }

    @Test
    void theListIsPagedNewestFirstWithALinkToTheOlderContacts() throws Exception {
        int total = AfterHoursList.PAGE_SIZE + 5;
        for (int i = 0; i < total; i++) {
            writesAfterHours("Cliente " + i, "Oi", NOW.minus(Duration.ofMinutes(i + 1)));
        }

        String first = page();
        List<String> firstNames = names(first);
        assertThat(firstNames).hasSize(AfterHoursList.PAGE_SIZE).startsWith("Cliente 0", "Cliente 1");
        assertThat(first).doesNotContain("id=\"after-hours-newest\"");
        Matcher older = Pattern.compile("id=\"after-hours-older\"\\s+href=\"([^\"]+)\"").matcher(first);
        assertThat(older.find()).as("a link to the older page").isTrue();

        String second = mvc.perform(get(older.group(1).replace("&amp;", "&")).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(names(second)).containsExactly("Cliente 100", "Cliente 101", "Cliente 102", "Cliente 103",
                "Cliente 104");
        assertThat(second).contains("id=\"after-hours-newest\"").doesNotContain("id=\"after-hours-older\"");
    }

    @Test
    void theListFiltersByTheAgentTheContactLastTalkedTo() throws Exception {
        long colleague = data.agent(number, "OFFLINE");
        jdbc.update("UPDATE app_users SET name = 'Bruna Colega' WHERE id = ?", colleague);
        long mine = writesAfterHours("Cliente da casa", "Oi", NOW.minus(Duration.ofHours(3)));
        long theirs = writesAfterHours("Cliente da colega", "Oi", NOW.minus(Duration.ofHours(2)));
        long movedToMe = writesAfterHours("Cliente que mudou", "Oi", NOW.minus(Duration.ofHours(1)));
        writesAfterHours("Cliente novo", "Oi", NOW.minus(Duration.ofMinutes(30)));
        closedTicket(mine, agent, NOW.minus(Duration.ofDays(3)));
        closedTicket(theirs, colleague, NOW.minus(Duration.ofDays(3)));
        closedTicket(movedToMe, colleague, NOW.minus(Duration.ofDays(5)));
        closedTicket(movedToMe, agent, NOW.minus(Duration.ofDays(2)));

        String filtered = mvc.perform(get("/after-hours").param("agent", String.valueOf(agent)).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(names(filtered)).containsExactly("Cliente que mudou", "Cliente da casa");
        assertThat(filtered).containsPattern("<option value=\"" + agent + "\" selected=\"selected\">")
                .contains(">Bruna Colega</option>");
        assertThat(names(page())).containsExactly("Cliente novo", "Cliente que mudou", "Cliente da colega",
                "Cliente da casa");
    }

    private void closedTicket(long contact, long agentId, Instant at) {
        long ticket = data.ticket(number, contact, "OPEN", agentId);
        jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'ATTENDANT', created_at = ?, closed_at = ? "
                + "WHERE id = ?", Timestamp.from(at), Timestamp.from(at.plus(Duration.ofMinutes(10))), ticket);
    }

    @Test
    void aMalformedPageCursorIsABadRequest() throws Exception {
        mvc.perform(get("/after-hours").param("olderThan", "yesterday").param("olderThanId", "1")
                        .with(user(userOf(agent))))
                .andExpect(status().isBadRequest());
    }

    private static List<String> names(String page) {
        return rows(page).values().stream().map(row -> cells(row).get(1)).toList();
    }

    private long writesAfterHours(String name, String text, Instant at) {
        String waId = TestData.waId();
        long contact = jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, number, waId, name, "+" + waId, waId, Timestamp.from(at));
        // Each write is its own episode: the number has no opening ahead, so the episode is told by the contact.
        assertThat(automation.handle(number, contact, name, "+" + waId, text, at).isAfterHours()).isTrue();
        return contact;
    }

    /** As the page shows it (the format itself is PhonesTest's). */
    private String phoneOf(long contact) {
        return Phones.readable(jdbc.queryForObject("SELECT phone_e164 FROM contacts WHERE id = ?", String.class, contact));
    }

    private String page() throws Exception {
        return mvc.perform(get("/after-hours").with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static Map<Long, String> rows(String page) {
        Map<Long, String> rows = new java.util.LinkedHashMap<>();
        Matcher matcher = ROW.matcher(page);
        while (matcher.find()) {
            rows.put(Long.valueOf(matcher.group(1)), matcher.group(2));
        }
        return rows;
    }

    /** The text of each cell, tags removed and blanks collapsed. */
    private static List<String> cells(String row) {
        return Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row).results()
                .map(cell -> cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip())
                .toList();
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
