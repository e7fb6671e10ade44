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

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.DeliveryStatuses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
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

    private final NumberDirectory numbers = mock(NumberDirectory.class);
    private final InboundPipeline pipeline = mock(InboundPipeline.class);
    private final DeliveryStatuses statuses = mock(DeliveryStatuses.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebhookProcessor processor = new WebhookProcessor(numbers, pipeline, statuses, meters);

    @BeforeEach
    void numbers() {
        when(numbers.findByPhoneNumberId(any())).thenReturn(Optional.empty());
        when(numbers.findByPhoneNumberId("111")).thenReturn(Optional.of(number(7, "111")));
        when(numbers.findByPhoneNumberId("222")).thenReturn(Optional.of(number(8, "222")));
    }

    @Test
    void eachChangeGoesToItsOwnNumber() {
        processor.process(List.of(
                new WebhookChange("111", List.of(FIRST), List.of(READ)),
                new WebhookChange("222", List.of(SECOND), List.of())));

        verify(pipeline).receive(7, FIRST);
        verify(statuses).record(7, "wamid.out", DeliveryStatus.READ, AT, null, null);
        verify(pipeline).receive(8, SECOND);
    }

    @Test
    void anUnknownNumberIsCountedAndNothingIsHandedOn() {
        processor.process(List.of(new WebhookChange("999", List.of(FIRST), List.of(READ))));

        verifyNoInteractions(pipeline, statuses);
        assertThat(meters.counter("balcao.webhook.unknown_number").count()).isEqualTo(1);
    }

    @Test
    void oneFailingMessageDoesNotStopTheOthersButTheEnvelopeFailsForMetaToRedeliverIt() {
        doThrow(new IllegalStateException("bug")).when(pipeline).receive(7, FIRST);

        assertThatThrownBy(() -> processor.process(List.of(new WebhookChange("111", List.of(FIRST, SECOND), List.of(READ)))))
                .isInstanceOf(WebhookProcessor.PartlyFailed.class)
                .hasMessageContaining("1 item");
        verify(pipeline).receive(7, SECOND);
        verify(statuses).record(7, "wamid.out", DeliveryStatus.READ, AT, null, null);
    }

    @Test
    void theDatabaseBeingDownStopsEverything() {
        doThrow(new DataAccessResourceFailureException("down")).when(pipeline).receive(7, FIRST);

        assertThatThrownBy(() -> processor.process(List.of(new WebhookChange("111", List.of(FIRST, SECOND), List.of(READ)))))
                .isInstanceOf(DataAccessResourceFailureException.class);
        verify(pipeline, never()).receive(7, SECOND);
        verifyNoInteractions(statuses);
    }

    @Test
    void noTransactionIsTheDatabaseBeingDownToo() {
        when(statuses.record(anyLong(), eq("wamid.out"), any(), any(), any(), any()))
                .thenThrow(new CannotCreateTransactionException("no connection"));

        assertThatThrownBy(() -> processor.process(List.of(new WebhookChange("111", List.of(), List.of(READ)))))
                .isInstanceOf(CannotCreateTransactionException.class);
    }

    private static NumberView number(long id, String phoneNumberId) {
        return new NumberView(id, "Loja " + id, "+55 11 3000-000" + id, phoneNumberId, ZoneId.of("America/Sao_Paulo"));
    }
}
