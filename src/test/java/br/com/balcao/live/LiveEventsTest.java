package br.com.balcao.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.tickets.TicketDetails;
import br.com.balcao.tickets.TicketEvents.TicketCreated;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LiveEventsTest {

    @Autowired
    LiveEvents live;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Test
    void committedEngineEventsReachSubscribersThroughTheDatabase() throws Exception {
        long number = data.openNumber("Ao vivo " + TestData.unique());
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(event -> {
            if (event.numberId() == number) {
                heard.add(event);
            }
        })) {
            pipeline.receive(number, InboundMessage.text("wamid.live" + TestData.unique(), TestData.waId(), "Ana",
                    clock.instant(), "Oi"));

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().map(LiveEvent::kind).toList()
                    .containsAll(List.of("TicketCreated", "MessageReceived")));
            LiveEvent received = heard.stream().filter(event -> event.kind().equals("MessageReceived")).findFirst()
                    .orElseThrow();
            assertThat(received.contactId()).isNotNull();
            assertThat(received.ticketId()).isNotNull();
            assertThat(received.messageId()).isNotNull();
        }
    }

    @Test
    void aTagOrANoteOnATicketIsAnnouncedSoThatOpenCardsRedrawThemselves(@Autowired TicketDetails details,
            @Autowired JdbcTemplate jdbc) throws Exception {
        long number = data.openNumber("Detalhes " + TestData.unique());
        long agent = data.agent(number, "OFFLINE");
        long contact = data.contact(number, "Rita");
        long ticket = data.ticket(number, contact, "OPEN", agent);
        long tag = jdbc.queryForObject("INSERT INTO tags (name) VALUES (?) RETURNING id", Long.class,
                "Retorno " + TestData.unique());
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(event -> {
            if (event.numberId() == number) {
                heard.add(event);
            }
        })) {
            details.addTag(ticket, tag);
            details.addTag(ticket, tag);
            details.noteOnTicket(ticket, agent, "Cliente pediu retorno");
            details.noteOnContact(contact, agent, "Prefere WhatsApp");

            LiveEvent onTicket = new LiveEvent("DetailsChanged", number, contact, ticket, null, null);
            LiveEvent onContact = new LiveEvent("DetailsChanged", number, contact, null, null, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(onContact));
            // the second addTag changed nothing and announced nothing
            assertThat(heard).containsExactly(onTicket, onTicket, onContact);
        }
    }

    @Test
    void anEventAnnouncedByAnotherInstanceIsHeardHere(@Autowired javax.sql.DataSource dataSource) throws Exception {
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(heard::add);
             // a session of its own, outside Spring's events: what another app instance's commit looks like
             var otherInstance = dataSource.getConnection();
             var notify = otherInstance.prepareStatement("SELECT pg_notify('balcao_live', ?)")) {
            notify.setString(1, "{\"kind\":\"TicketCreated\",\"numberId\":987654,\"contactId\":5,\"ticketId\":7}");
            notify.execute();

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(e -> e.numberId() == 987654));
            assertThat(heard).filteredOn(e -> e.numberId() == 987654).singleElement()
                    .isEqualTo(new LiveEvent("TicketCreated", 987654, 5L, 7L, null, null));
        }
    }

    @Test
    void aListenerStoppedAndStartedAgainHearsEachEventOnce(@Autowired LiveEventListener listener,
            @Autowired javax.sql.DataSource dataSource) throws Exception {
        // what the test framework does to a cached context it pauses and then uses again
        listener.stop();
        listener.start();
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(heard::add);
             var otherInstance = dataSource.getConnection();
             var notify = otherInstance.prepareStatement("SELECT pg_notify('balcao_live', ?)")) {
            // the new listener hears nothing before its LISTEN: probe until it does
            notify.setString(1, "{\"kind\":\"TicketCreated\",\"numberId\":987656}");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                notify.execute();
                return heard.stream().anyMatch(e -> e.numberId() == 987656);
            });
            notify.setString(1, "{\"kind\":\"TicketCreated\",\"numberId\":987655,\"contactId\":5,\"ticketId\":8}");
            notify.execute();

            await().atMost(Duration.ofSeconds(10)).during(Duration.ofSeconds(2))
                    .until(() -> heard.stream().filter(e -> e.numberId() == 987655).count() == 1);
        }
    }

    @Test
    void eventsOfARolledBackTransactionAreNeverHeard() throws Exception {
        long number = data.openNumber("Desfeito " + TestData.unique());
        long marker = data.openNumber("Marcador " + TestData.unique());
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(heard::add)) {
            transaction.executeWithoutResult(status -> {
                publisher.publishEvent(new TicketCreated(number, 1, 1));
                status.setRollbackOnly();
            });
            transaction.executeWithoutResult(status -> publisher.publishEvent(new TicketCreated(marker, 2, 2)));

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(e -> e.numberId() == marker));
            assertThat(heard).noneMatch(event -> event.numberId() == number);
        }
    }
}
