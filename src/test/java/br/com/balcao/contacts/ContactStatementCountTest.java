package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.CountsStatements;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.StatementCounter;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The contacts list and a contact's page run the same number of SQL statements whatever the data's size. */
@IntegrationTest
@CountsStatements
class ContactStatementCountTest {

    private static final Pattern ROW = Pattern.compile("data-contact-id=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    StatementCounter counter;

    ContactFixtures fixtures;
    UserDetails agent;
    long number;

    @BeforeEach
    void aNumber() {
        fixtures = new ContactFixtures(jdbc, data, users);
        number = data.number("Contagem " + TestData.unique());
        agent = fixtures.member(number, true);
    }

    @Test
    void theListCostsTheSameWithThreeOrTwoHundredContacts() throws Exception {
        contacts(3);
        List<String> few = statements("/contacts?city=natal");
        contacts(197);
        List<String> many = statements("/contacts?city=natal");
        // No statement per row: with a text filter each part of the list (in touch, never in touch) is read by
        // one to three statements (walks of the recent contacts, then every match sorted), fewer when a walk
        // fills the page, and those never in touch only when a page reaches them.
        assertThat(many.size()).isLessThanOrEqualTo(few.size());
        assertThat(many.size()).isGreaterThanOrEqualTo(few.size() - 5);
    }

    @Test
    void aContactPageCostsTheSameWithOneOrThirtyTickets() throws Exception {
        long quiet = fixtures.contact(number, "Pouco", ContactFixtures.mobile(), null, null, null, TestClock.START);
        tickets(quiet, 1);
        long busy = fixtures.contact(number, "Muito", ContactFixtures.mobile(), null, null, null, TestClock.START);
        tickets(busy, 30);
        assertThat(statements("/contacts/" + busy)).hasSameSizeAs(statements("/contacts/" + quiet));
    }

    private List<String> statements(String path) throws Exception {
        counter.start();
        String page;
        try {
            page = mvc.perform(get(path).with(user(agent))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
        } finally {
            counter.stop();
        }
        assertThat(page).isNotBlank();
        if (path.startsWith("/contacts?")) {
            assertThat(ROW.matcher(page).results().count()).isEqualTo(
                    Math.min(ContactListing.PAGE_SIZE, jdbc.queryForObject(
                            "SELECT count(*) FROM contacts WHERE number_id = ?", Long.class, number)));
        }
        return counter.statements();
    }

    private void contacts(int count) {
        for (int i = 0; i < count; i++) {
            fixtures.contact(number, "Cliente " + i, ContactFixtures.mobile(), null, "Natal", null,
                    i % 4 == 0 ? null : TestClock.START.minus(Duration.ofMinutes(i)));
        }
    }

    /** Closed tickets of the last weeks, five messages each. */
    private void tickets(long contact, int count) {
        for (int i = 0; i < count; i++) {
            Timestamp at = Timestamp.from(TestClock.START.minus(Duration.ofDays(i + 1)));
            long ticket = jdbc.queryForObject("""
                    INSERT INTO tickets (number_id, contact_id, ticket_number, status, close_reason, created_at, closed_at)
                    VALUES (?, ?, next_ticket_number(?), 'CLOSED', 'LOST', ?, ?) RETURNING id
                    """, Long.class, number, contact, number, at, at);
            for (int m = 0; m < 5; m++) {
                jdbc.update("""
                        INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                        VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', ?, ?)
                        """, number, contact, ticket, "mensagem " + m, at);
            }
        }
    }
}
