package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import br.com.balcao.numbers.NumberSnapshot;
import br.com.balcao.numbers.NumberSnapshots;
import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.DeliveryStatuses;
import br.com.balcao.tickets.MessageReactions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

class WebhookProcessorTest {

    private static final Instant AT = Instant.ofEpochSecond(1749416383);
    private static final InboundMessage FIRST = InboundMessage.text("wamid.1", "5511998871234", "Ana", AT, "um");
    private static final InboundMessage SECOND = InboundMessage.text("wamid.2", "5511998871234", "Ana", AT, "dois");
    private static final StatusUpdate READ = new StatusUpdate("wamid.out", DeliveryStatus.READ, AT, null, null);

    private final NumberSnapshots numbers = mock(NumberSnapshots.class);
    private final NumberSnapshot seven = number(7);
    private final NumberSnapshot eight = number(8);
    private final InboundBatches inbound = mock(InboundBatches.class);
    private final DeliveryStatuses statuses = mock(DeliveryStatuses.class);
    private final ChannelHealth health = mock(ChannelHealth.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MessageReactions reactions = mock(MessageReactions.class);
    private final WebhookProcessor processor = new WebhookProcessor(numbers, inbound, statuses, reactions, health,
            meters);

    @BeforeEach
    void numbers() {
        when(numbers.byPhoneNumberId(any())).thenReturn(Optional.empty());
        when(numbers.byPhoneNumberId("111")).thenReturn(Optional.of(seven));
        when(numbers.byPhoneNumberId("222")).thenReturn(Optional.of(eight));
    }

    @Test
    void eachChangeGoesToItsOwnNumber() {
        processor.process(List.of(
                new WebhookChange("111", List.of(FIRST), List.of(READ)),
                new WebhookChange("222", List.of(SECOND), List.of())));

        verify(inbound).receive(seven, FIRST);
        verify(statuses).record(7, "wamid.out", DeliveryStatus.READ, AT, null, null);
        verify(inbound).receive(eight, SECOND);
    }

    @Test
    void anUnknownNumberIsCountedAndNothingIsHandedOn() {
        processor.process(List.of(new WebhookChange("999", List.of(FIRST), List.of(READ))));

        verifyNoInteractions(inbound, statuses);
        assertThat(meters.counter("balcao.webhook.unknown_number").count()).isEqualTo(1);
    }

    @Test
    void oneFailingMessageDoesNotStopTheOthersButTheEnvelopeFailsForMetaToRedeliverIt() {
        doThrow(new IllegalStateException("bug")).when(inbound).receive(seven, FIRST);

        assertThatThrownBy(() -> processor.process(List.of(new WebhookChange("111", List.of(FIRST, SECOND), List.of(READ)))))
                .isInstanceOf(WebhookProcessor.PartlyFailed.class)
                .hasMessageContaining("1 item");
        verify(inbound).receive(seven, SECOND);
        verify(statuses).record(7, "wamid.out", DeliveryStatus.READ, AT, null, null);
    }

    @Test
    void theDatabaseBeingDownStopsEverything() {
        doThrow(new DataAccessResourceFailureException("down")).when(inbound).receive(seven, FIRST);

        assertThatThrownBy(() -> processor.process(List.of(new WebhookChange("111", List.of(FIRST, SECOND), List.of(READ)))))
                .isInstanceOf(DataAccessResourceFailureException.class);
        verify(inbound, never()).receive(seven, SECOND);
        verifyNoInteractions(statuses);
    }

    @Test
    void noTransactionIsTheDatabaseBeingDownToo() {
        when(statuses.record(anyLong(), eq("wamid.out"), any(), any(), any(), any()))
                .thenThrow(new CannotCreateTransactionException("no connection"));

        assertThatThrownBy(() -> processor.process(List.of(new WebhookChange("111", List.of(), List.of(READ)))))
                .isInstanceOf(CannotCreateTransactionException.class);
    }

    private static NumberSnapshot number(long id) {
        NumberSnapshot number = mock(NumberSnapshot.class);
        when(number.id()).thenReturn(id);
        return number;
    }
}
