package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.TicketStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the timeline lays its messages out: ticket groups, days and times in the number's zone, delivery ticks. */
class TimelineRowTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Test
    void aSliceOpensATicketAndADayAndMarksEachChangeOfTicketOrOfDayInTheNumbersZone() {
        List<TimelineRow> rows = TimelineRow.of(List.of(
                message(1, 10L, true, null, "2026-11-20T12:00:00Z"),
                message(2, 10L, false, DeliveryStatus.READ, "2026-11-21T02:30:00Z"),  // 23:30 of the 20th there
                message(3, 11L, true, null, "2026-11-21T03:10:00Z"),                  // 00:10 of the 21st
                message(4, null, false, DeliveryStatus.FAILED, "2026-11-21T03:11:00Z"),
                message(5, null, false, DeliveryStatus.PENDING, "2026-11-21T03:12:00Z")), SAO_PAULO);

        assertThat(rows).extracting(TimelineRow::ticketStart).containsExactly(true, false, true, true, false);
        assertThat(rows).extracting(TimelineRow::day).containsExactly("20/11/2026", null, "21/11/2026", null, null);
        assertThat(rows).extracting(TimelineRow::time).containsExactly("09:00", "23:30", "00:10", "00:11", "00:12");
        assertThat(rows).extracting(TimelineRow::statusIcon).containsExactly(null, "bi-check2-all text-info", null,
                "bi-exclamation-circle-fill text-danger", "bi-clock");
    }

    @Test
    void eachDeliveryStatusHasItsTickAndAnImplausibleTimeIsShownInTheZone() {
        TimelineMessage sent = message(1, 10L, false, DeliveryStatus.SENT, "2026-11-20T12:00:00Z");
        TimelineMessage delivered = message(2, 10L, false, DeliveryStatus.DELIVERED, "2026-11-20T12:01:00Z");
        TimelineMessage implausible = new TimelineMessage(3, 10L, 10L, TicketStatus.OPEN, true, AuthorType.CUSTOMER,
                null, MessageType.TEXT, TextSegment.split("oi"), null, null, null, null, null, null, null, null,
                Instant.parse("2026-11-20T12:02:00Z"), 0L, false, null, null);

        List<TimelineRow> rows = TimelineRow.of(List.of(sent, delivered, implausible), SAO_PAULO);

        assertThat(rows).extracting(TimelineRow::statusIcon).containsExactly("bi-check2", "bi-check2-all", null);
        assertThat(rows).extracting(TimelineRow::whatsappTime).containsExactly(null, null, "31/12/1969 21:00:00");
    }

    @Test
    void anEmptySliceHasNoRows() {
        assertThat(TimelineRow.of(List.of(), SAO_PAULO)).isEmpty();
    }

    private static TimelineMessage message(long id, Long ticketId, boolean inbound, DeliveryStatus status, String at) {
        return new TimelineMessage(id, ticketId, ticketId, ticketId == null ? null : TicketStatus.CLOSED, inbound,
                inbound ? AuthorType.CUSTOMER : AuthorType.AGENT, null, MessageType.TEXT,
                TextSegment.split("oi"), null, null, null, null, null, null, status, null, Instant.parse(at), null, false, null,
                null);
    }
}
