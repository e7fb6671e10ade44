package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static br.com.balcao.channel.WebhookFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The channel's health: the last webhook recorded at most once a minute, the admins' panel (last webhook, failures
 * of the last hour, token refused, templates paused), and the banner of a number silent for an unusual time in its
 * service hours, all against the injected clock.
 */
@IntegrationTest
class ChannelHealthTest {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired UserDetailsService users;
    @Autowired ChannelSilence silence;
    @Autowired ChannelHealth health;

    long admin;
    long number;
    String name;

    @BeforeEach
    void anAlwaysOpenNumber() {
        clock.set(TestClock.START);
        admin = data.user("ADMIN", data.email("admin"));
        name = "Loja Saúde " + TestData.unique();
        number = data.openNumber(name);
    }

    @AfterEach
    void nobodyIsSilentForTheNextTest() {
        jdbc.update("UPDATE channel_health SET last_webhook_at = ?", Timestamp.from(clock.instant()));
        silence.check();
    }

    @Test
    void theLastWebhookIsWrittenAtMostOnceAMinutePerNumber() throws Exception {
        receive();
        assertThat(lastWebhook()).isEqualTo(TestClock.START);

        clock.advance(Duration.ofSeconds(30));
        receive();
        assertThat(lastWebhook()).as("same minute: not written again").isEqualTo(TestClock.START);

        clock.advance(Duration.ofSeconds(45));
        receive();
        assertThat(lastWebhook()).isEqualTo(TestClock.START.plusSeconds(75));
    }

    @Test
    void theTokenRefusedIsRecordedAndClearedByALaterSuccess() {
        health.tokenRejected(number, "Error validating access token: Session has expired");
        assertThat(jdbc.queryForMap("SELECT token_rejected_at, token_rejected_message FROM channel_health WHERE number_id = ?",
                number)).containsEntry("token_rejected_at", Timestamp.from(TestClock.START))
                .containsEntry("token_rejected_message", "Error validating access token: Session has expired");

        health.tokenAccepted(number);

        assertThat(jdbc.queryForObject("SELECT token_rejected_at FROM channel_health WHERE number_id = ?",
                Timestamp.class, number)).isNull();
    }

    @Test
    void thePanelShowsEachNumbersHealthToAdminsOnly() throws Exception {
        jdbc.update("""
                INSERT INTO channel_health (number_id, last_webhook_at, token_rejected_at, token_rejected_message)
                VALUES (?, ?, ?, 'Error validating access token')
                """, number, Timestamp.from(TestClock.START.minus(Duration.ofMinutes(7))),
                Timestamp.from(TestClock.START.minus(Duration.ofMinutes(3))));
        long contact = data.contact(number, "Ana");
        failed(contact, Duration.ofMinutes(20));
        failed(contact, Duration.ofMinutes(50));
        failed(contact, Duration.ofMinutes(70));
        template("pausado_a", "PAUSED");
        template("pausado_b", "PAUSED");
        template("aprovado", "APPROVED");

        String page = mvc.perform(get("/settings/channel").with(user(userOf(admin))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String row = page.substring(page.indexOf("id=\"channel-health-" + number + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(name).contains("Há 7 min")
                .contains("<span class=\"badge text-bg-danger\">2</span>")
                .contains("Recusado pela Meta em 16/11/2026 13:57").contains("title=\"Error validating access token\"")
                .contains("<span class=\"badge text-bg-warning\">2</span>");
        mvc.perform(get("/settings/channel").with(user(userOf(data.agent(number, "OFFLINE")))))
                .andExpect(status().isForbidden());
    }

    @Test
    void silenceLongerThanThreeTypicalGapsAtThisHourWhileOpenRaisesTheBanner() throws Exception {
        // An hour no other check of the shared context has seen: the traffic of an hour is read once and kept.
        clock.advance(Duration.ofHours(5));
        customersWroteAtThisHourEachDay(number, 2);
        webhookAgo(number, Duration.ofMinutes(100));
        long busyButRecent = data.openNumber("Recente " + TestData.unique());
        customersWroteAtThisHourEachDay(busyButRecent, 2);
        webhookAgo(busyButRecent, Duration.ofMinutes(80));
        long quiet = data.openNumber("Quieta " + TestData.unique());
        webhookAgo(quiet, Duration.ofHours(20));
        long closed = data.number("Fechada " + TestData.unique());
        customersWroteAtThisHourEachDay(closed, 2);
        webhookAgo(closed, Duration.ofHours(5));

        silence.check();

        assertThat(silence.silent()).containsKey(number)
                .doesNotContainKeys(busyButRecent, quiet, closed);
        assertThat(silence.silent().get(number).unusual()).isEqualTo(Duration.ofMinutes(90));
        String home = mvc.perform(get("/settings/channel").with(user(userOf(admin))))
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("id=\"channel-silence-banner\"").contains(name).contains("Silêncio incomum");
        long manager = data.user("MANAGER", data.email("manager"));
        data.member(manager, number);
        String managers = mvc.perform(get("/monitoring").with(user(userOf(manager))))
                .andReturn().getResponse().getContentAsString();
        assertThat(managers).contains("id=\"channel-silence-banner\"").contains(name)
                .doesNotContain("href=\"/settings/channel\"");
        String agents = mvc.perform(get("/desk").with(user(userOf(data.agent(number, "OFFLINE")))))
                .andReturn().getResponse().getContentAsString();
        assertThat(agents).doesNotContain("channel-silence-banner");

        clock.advance(Duration.ofMinutes(1));
        receive();
        silence.check();
        assertThat(silence.silent()).doesNotContainKey(number);
    }

    @Test
    void anUnusualSilenceIsThreeTypicalGapsAndAtLeastAnHour() {
        assertThat(ChannelSilence.unusualSilence(2)).as("too little traffic").isEmpty();
        assertThat(ChannelSilence.unusualSilence(14)).contains(Duration.ofHours(3));
        assertThat(ChannelSilence.unusualSilence(28)).contains(Duration.ofMinutes(90));
        assertThat(ChannelSilence.unusualSilence(1000)).contains(Duration.ofHours(1));
    }

    private void receive() throws Exception {
        mvc.perform(signedWebhookPost(textMessage(data.phoneNumberId(number), "wamid.health" + TestData.unique(),
                TestData.waId()), IntegrationTest.WEBHOOK_SECRET)).andExpect(status().isOk());
    }

    private Instant lastWebhook() {
        return jdbc.queryForObject("SELECT last_webhook_at FROM channel_health WHERE number_id = ?", Timestamp.class,
                number).toInstant();
    }

    private void webhookAgo(long numberId, Duration ago) {
        jdbc.update("INSERT INTO channel_health (number_id, last_webhook_at) VALUES (?, ?)", numberId,
                Timestamp.from(clock.instant().minus(ago)));
    }

    /** {@code perDay} customer messages in this hour of the day on each of the last 14 days. */
    private void customersWroteAtThisHourEachDay(long numberId, int perDay) {
        long contact = data.contact(numberId, "Cliente");
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        for (int day = 1; day <= 14; day++) {
            for (int i = 0; i < perDay; i++) {
                jdbc.update("""
                        INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, created_at)
                        VALUES (?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', 'Oi', ?)
                        """, numberId, contact, Timestamp.from(hour.minus(Duration.ofDays(day)).plusSeconds(60L * (5 + i))));
            }
        }
    }

    private void failed(long contact, Duration ago) {
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, status, error_code,
                                      created_at)
                VALUES (?, ?, 'OUTBOUND', 'SYSTEM', 'TEXT', 'Oi', 'FAILED', 131026, ?)
                """, number, contact, Timestamp.from(clock.instant().minus(ago)));
    }

    private void template(String templateName, String templateStatus) {
        jdbc.update("""
                INSERT INTO message_templates (number_id, name, language, category, body, status, created_at)
                VALUES (?, ?, 'pt_BR', 'UTILITY', 'Olá', ?, ?)
                """, number, templateName, templateStatus, Timestamp.from(clock.instant()));
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
