package br.com.balcao.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.CountsStatements;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.StatementCounter;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The history page, its CSV and a ticket's PDF run the same number of SQL statements whatever the number of
 * tickets, tags or messages (counted at the JDBC level on the request's thread).
 */
@IntegrationTest
@CountsStatements
class HistoryStatementCountTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    HistoryFixtures fixtures;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    StatementCounter counter;

    long number;
    long agent;
    UserDetails user;

    @BeforeEach
    void anAgentOnANumber() {
        clock.set(TestClock.START);
        number = fixtures.quietNumber("Contagem " + TestData.unique());
        agent = data.agent(number, "OFFLINE");
        user = fixtures.userOf(agent);
    }

    @Test
    void theListAndTheCsvReadAFixedNumberOfStatements() throws Exception {
        long tag = fixtures.tag("Contagem " + TestData.unique(), "#123456");
        addTickets(2, tag);
        int listWithTwo = count(get("/history"));
        int csvWithTwo = count(get("/history/export.csv"));
        int filteredWithTwo = count(get("/history?contact=Cliente&tag=" + tag + "&agent=" + agent));

        addTickets(60, tag);

        assertThat(count(get("/history"))).isEqualTo(listWithTwo);
        assertThat(count(get("/history/export.csv"))).isEqualTo(csvWithTwo);
        assertThat(count(get("/history?contact=Cliente&tag=" + tag + "&agent=" + agent))).isEqualTo(filteredWithTwo);
    }

    @Test
    void aPdfReadsAFixedNumberOfStatementsWhateverTheNumberOfMessages() throws Exception {
        long few = ticketWithMessages(3);
        long many = ticketWithMessages(200);

        assertThat(count(get("/history/{id}/pdf", many))).isEqualTo(count(get("/history/{id}/pdf", few)));
    }

    private void addTickets(int howMany, long tag) {
        for (int i = 0; i < howMany; i++) {
            long contact = fixtures.contact(number, "Cliente " + i, "55119" + String.format("%08d",
                    TestData.unique() % 100_000_000));
            long ticket = fixtures.ticket(number, contact, agent, TestClock.START.minus(Duration.ofHours(i + 1)),
                    "CLOSED", "ATTENDANT");
            fixtures.tagTicket(ticket, tag);
        }
    }

    private long ticketWithMessages(int howMany) {
        long contact = fixtures.contact(number, "Cliente", "55119" + String.format("%08d",
                TestData.unique() % 100_000_000));
        long ticket = fixtures.ticket(number, contact, agent, TestClock.START.minus(Duration.ofDays(1)), "CLOSED",
                "ATTENDANT");
        for (int i = 0; i < howMany; i++) {
            fixtures.customerMessage(ticket, "Mensagem " + i, TestClock.START.minus(Duration.ofDays(1)).plusSeconds(i));
        }
        fixtures.note(ticket, agent, "Uma nota", TestClock.START.minus(Duration.ofHours(1)));
        return ticket;
    }

    private int count(MockHttpServletRequestBuilder request) throws Exception {
        counter.start();
        mvc.perform(request.with(user(user))).andExpect(status().isOk());
        int statements = counter.stop();
        assertThat(statements).as("statements of %s", counter.statements()).isLessThanOrEqualTo(12);
        return statements;
    }
}
