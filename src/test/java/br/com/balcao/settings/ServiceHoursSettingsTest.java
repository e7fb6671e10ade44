package br.com.balcao.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Service hours set on the settings page decide, through the inbound path, whether a message is after
 * hours: two intervals on Monday and a holiday on Tuesday, in Tokyo's time (UTC+9), where a day's local
 * hours straddle two UTC dates.
 */
@IntegrationTest
class ServiceHoursSettingsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    long numberId;
    UserDetails admin;

    @BeforeEach
    void aTokyoNumberConfiguredOnThePage() throws Exception {
        String email = data.email("admin");
        data.user("ADMIN", email);
        admin = users.loadUserByUsername(email);
        numberId = data.number("Filial Tóquio");
        String pnid = data.phoneNumberId(numberId);
        mvc.perform(post("/settings/numbers/{id}", numberId).with(user(admin)).with(csrf())
                        .param("name", "Filial Tóquio").param("displayPhone", "+81 3 0000-0000")
                        .param("phoneNumberId", pnid).param("timeZone", "Asia/Tokyo")
                        .param("afterHoursMessage", "Estamos fechados.").param("exitKeyword", "sair")
                        .param("customerInactivityMinutes", "60").param("queueTimeoutMinutes", "120"))
                .andExpect(status().is3xxRedirection());
        // Monday 09:00-12:00 and 13:00-18:00; every other day's empty row is sent blank, as the form does.
        mvc.perform(post("/settings/numbers/{id}/hours", numberId).with(user(admin)).with(csrf())
                        .param("day", "MONDAY", "MONDAY", "MONDAY", "TUESDAY", "WEDNESDAY")
                        .param("opens", "09:00", "13:00", "", "09:00", "")
                        .param("closes", "12:00", "18:00", "", "18:00", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/settings/numbers/{id}/holidays", numberId).with(user(admin)).with(csrf())
                        .param("day", "2026-11-17").param("name", "Feriado local"))
                .andExpect(status().is3xxRedirection());
    }

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    @Test
    void twoIntervalsAndAHolidayDecideAfterHoursInTheNumbersTimeZone() {
        // 2026-11-16 is a Monday in Tokyo from 2026-11-15T15:00Z.
        assertThat(afterHours("2026-11-16T00:30:00Z")).as("Mon 09:30 Tokyo (Sun in UTC)").isFalse();
        assertThat(afterHours("2026-11-16T03:30:00Z")).as("Mon 12:30 Tokyo, the lunch gap").isTrue();
        assertThat(afterHours("2026-11-16T04:00:00Z")).as("Mon 13:00 Tokyo, second interval opens").isFalse();
        assertThat(afterHours("2026-11-16T08:59:00Z")).as("Mon 17:59 Tokyo").isFalse();
        assertThat(afterHours("2026-11-16T09:00:00Z")).as("Mon 18:00 Tokyo, closed").isTrue();
        assertThat(afterHours("2026-11-17T01:00:00Z")).as("Tue 10:00 Tokyo, a holiday").isTrue();
        assertThat(afterHours("2026-11-15T23:59:00Z")).as("Mon 08:59 Tokyo").isTrue();
    }

    @Test
    void turningOn24HoursAppliesToTheNextMessage() throws Exception {
        assertThat(afterHours("2026-11-16T03:30:00Z")).isTrue();

        jdbc.update("UPDATE business_numbers SET always_open = false WHERE id = ?", numberId);
        mvc.perform(post("/settings/numbers/{id}", numberId).with(user(admin)).with(csrf())
                        .param("name", "Filial Tóquio").param("displayPhone", "+81 3 0000-0000")
                        .param("phoneNumberId", data.phoneNumberId(numberId)).param("timeZone", "Asia/Tokyo")
                        .param("alwaysOpen", "true").param("exitKeyword", "sair")
                        .param("customerInactivityMinutes", "60").param("queueTimeoutMinutes", "120"))
                .andExpect(status().is3xxRedirection());

        assertThat(afterHours("2026-11-16T03:31:00Z")).isFalse();
    }

    @Test
    void overlappingIntervalsAreRefusedAndTheOldHoursStay() throws Exception {
        mvc.perform(post("/settings/numbers/{id}/hours", numberId).with(user(admin)).with(csrf())
                        .param("day", "MONDAY", "MONDAY").param("opens", "09:00", "11:00")
                        .param("closes", "12:00", "14:00"))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_hours WHERE number_id = ?", Integer.class,
                numberId)).isEqualTo(3);
    }

    @Test
    void anIntervalClosingAtMidnightIsOpenUntilTheDayEnds() throws Exception {
        mvc.perform(post("/settings/numbers/{id}/hours", numberId).with(user(admin)).with(csrf())
                        .param("day", "MONDAY").param("opens", "20:00").param("closes", "00:00"))
                .andExpect(status().is3xxRedirection());

        assertThat(afterHours("2026-11-16T14:59:00Z")).as("Mon 23:59 Tokyo").isFalse();
        assertThat(afterHours("2026-11-16T15:00:00Z")).as("Tue 00:00 Tokyo").isTrue();
    }

    /** A message from a new customer at that instant: was it answered as after hours (and no ticket opened)? */
    private boolean afterHours(String at) {
        Instant instant = Instant.parse(at);
        clock.set(instant);
        String waId = TestData.waId();
        pipeline.receive(numberId, InboundMessage.text("wamid.h" + TestData.unique(), waId, "Cliente", instant, "Oi"));
        boolean replied = jdbc.queryForObject("""
                SELECT count(*) FROM messages m JOIN contacts c ON c.id = m.contact_id
                 WHERE c.wa_id = ? AND c.number_id = ? AND m.automation = 'AFTER_HOURS'
                """, Integer.class, waId, numberId) > 0;
        boolean ticket = jdbc.queryForObject("""
                SELECT count(*) FROM tickets t JOIN contacts c ON c.id = t.contact_id WHERE c.wa_id = ? AND c.number_id = ?
                """, Integer.class, waId, numberId) > 0;
        assertThat(ticket).as("a ticket exactly when in service hours").isEqualTo(!replied);
        return replied;
    }
}
