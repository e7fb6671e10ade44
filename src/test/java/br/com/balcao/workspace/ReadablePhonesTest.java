package br.com.balcao.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Every page that shows a customer's phone shows it as people read it, and a search by its digits still finds it. */
@IntegrationTest
class ReadablePhonesTest {

    static final String STORED = "+5511977771610";
    static final String READABLE = "+55 11 97777-1610";

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

    @Test
    void theDeskConversationsAfterHoursContactsAndHistoryShowTheCustomersPhoneFormatted() throws Exception {
        clock.set(TestClock.START);
        long number = data.number("Loja " + TestData.unique());
        long agentId = data.agent(number, "ONLINE");
        UserDetails agent = users.loadUserByUsername(
                jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, agentId));
        long contact = jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at, last_interaction_at)
                VALUES (?, '5511977771610', NULL, ?, '5511977771610', ?, ?) RETURNING id
                """, Long.class, number, STORED, Timestamp.from(TestClock.START), Timestamp.from(TestClock.START));
        long open = data.ticket(number, contact, "OPEN", agentId);
        jdbc.update("""
                INSERT INTO after_hours_contacts (number_id, contact_id, contact_name, phone, first_contact_at,
                                                  next_opening_at, return_requested)
                VALUES (?, ?, NULL, ?, ?, ?, 'UNKNOWN')""", number, contact, STORED,
                Timestamp.from(TestClock.START.minus(Duration.ofHours(2))),
                Timestamp.from(TestClock.START.plus(Duration.ofHours(12))));
        Cookie session = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(number))
                .param("returnTo", "/").with(user(agent)).with(csrf())).andReturn().getResponse().getCookie("SESSION");

        for (String page : new String[] {"/desk/tickets/" + open, "/desk/tickets/" + open + "/card",
                "/conversations/" + contact, "/conversations?q=977771610", "/after-hours", "/contacts",
                "/contacts?phone=97777-1610", "/contacts/" + contact, "/history"}) {
            String html = mvc.perform(get(page).cookie(session).with(user(agent))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains(READABLE).doesNotContain(">" + STORED + "<")
                    .doesNotContain("value=\"" + STORED + "\"");
        }
    }
}
