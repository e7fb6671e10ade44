package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.CountsStatements;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.StatementCounter;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The desk page and a ticket view run the same number of SQL statements whatever the number of tickets or
 * messages. Counted at the JDBC level (the Desk reads with JdbcTemplate, which Hibernate's statistics do not
 * see), on the request's thread only; Hibernate's own count of prepared statements is compared too.
 */
@IntegrationTest
@CountsStatements
class DeskStatementCountTest {

    private static final Pattern LISTED_TICKET = Pattern.compile("data-ticket-id=\"(\\d+)\"");
    private static final Pattern MESSAGE = Pattern.compile("data-message-id=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    StatementCounter counter;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    long number;
    long agent;
    UserDetails user;

    @BeforeEach
    void anAgentOnANumberThatNeverClosesTicketsByItself() {
        clock.set(TestClock.START);
        number = data.openNumber("Contagem " + TestData.unique());
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, number);
        // OFFLINE: the queue below must stay a queue, not be handed to this agent by the distribution sweep.
        agent = data.agent(number, "OFFLINE");
        user = users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                agent));
        // Something waiting in the queue, so that the queue count has a row to count.
        data.ticket(number, data.contact(number, "Na fila"), "WAITING", null);
    }

    @Test
    void theDeskPageRunsAsManyStatementsWithFortyTicketsAsWithTwo() throws Exception {
        tickets(2);
        measure("/desk"); // warm-up: whatever is read once per JVM or cached is read now
        Count withTwo = measure("/desk");
        assertThat(LISTED_TICKET.matcher(withTwo.page).results().count()).isEqualTo(2);

        tickets(38);
        Count withForty = measure("/desk");
        assertThat(LISTED_TICKET.matcher(withForty.page).results().count()).isEqualTo(40);

        report("/desk", "2 tickets", withTwo, "40 tickets", withForty);
        assertThat(withForty.jdbc).isEqualTo(withTwo.jdbc);
        assertThat(withForty.statements).containsExactlyElementsOf(withTwo.statements);
        assertThat(withForty.hibernate).isEqualTo(withTwo.hibernate);
    }

    @Test
    void aTicketViewRunsAsManyStatementsWithFiveThousandMessagesAsWithTen() throws Exception {
        tickets(3);
        long ticket = data.ticket(number, data.contact(number, "Cliente " + TestData.unique()), "OPEN", agent);
        messages(ticket, 10);
        measure("/desk/tickets/" + ticket); // warm-up
        Count withTen = measure("/desk/tickets/" + ticket);
        assertThat(MESSAGE.matcher(withTen.page).results().count()).isEqualTo(10);

        messages(ticket, 4_990);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE ticket_id = ?", Long.class, ticket))
                .isEqualTo(5_000);
        Count withFiveThousand = measure("/desk/tickets/" + ticket);
        assertThat(MESSAGE.matcher(withFiveThousand.page).results().count()).isEqualTo(DeskQueries.TIMELINE_PAGE);

        report("/desk/tickets/{id}", "10 messages", withTen, "5,000 messages", withFiveThousand);
        assertThat(withFiveThousand.jdbc).isEqualTo(withTen.jdbc);
        assertThat(withFiveThousand.statements).containsExactlyElementsOf(withTen.statements);
        assertThat(withFiveThousand.hibernate).isEqualTo(withTen.hibernate);
    }

    private record Count(int jdbc, long hibernate, List<String> statements, String page) {
    }

    private Count measure(String path) throws Exception {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        counter.start();
        String page;
        try {
            page = mvc.perform(get(path).with(user(user))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
        } finally {
            counter.stop();
        }
        return new Count(counter.statements().size(), statistics.getPrepareStatementCount(), counter.statements(), page);
    }

    private static void report(String page, String small, Count few, String large, Count many) {
        System.out.printf("%n[statement count] %s: %s -> %d JDBC statements (%d prepared by Hibernate); "
                        + "%s -> %d JDBC statements (%d prepared by Hibernate)%n",
                page, small, few.jdbc, few.hibernate, large, many.jdbc, many.hibernate);
        many.statements.forEach(sql -> System.out.println("    " + (sql.length() > 150 ? sql.substring(0, 150) + "..." : sql)));
    }

    /** Tickets in service of the agent (OPEN and ASSIGNED alternately), each with a few messages. */
    private List<Long> tickets(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            long ticket = data.ticket(number, data.contact(number, "Cliente " + TestData.unique()),
                    i % 2 == 0 ? "OPEN" : "ASSIGNED", agent);
            messages(ticket, i % 2 == 0 ? 2 : 3);
            return ticket;
        }).toList();
    }

    /** Adds messages older than the ticket's existing ones, alternating customer and agent, in one statement. */
    private void messages(long ticket, int count) {
        Timestamp before = jdbc.queryForObject("SELECT COALESCE(min(created_at), ?) FROM messages WHERE ticket_id = ?",
                Timestamp.class, Timestamp.from(TestClock.START.minus(Duration.ofMinutes(1))), ticket);
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, status, created_at)
                SELECT t.number_id, t.contact_id, t.id,
                       CASE WHEN g % 2 = 0 THEN 'OUTBOUND' ELSE 'INBOUND' END,
                       CASE WHEN g % 2 = 0 THEN 'AGENT' ELSE 'CUSTOMER' END,
                       CASE WHEN g % 2 = 0 THEN ?::bigint END, 'TEXT', 'Mensagem ' || g || ' https://loja.example/' || g,
                       CASE WHEN g % 2 = 0 THEN 'DELIVERED' END,
                       ?::timestamptz - make_interval(secs => g * 30)
                  FROM tickets t, generate_series(1, ?) g
                 WHERE t.id = ?
                """, agent, before, count, ticket);
    }
}
