package br.com.balcao.channel;

import br.com.balcao.numbers.NumberSnapshot;
import br.com.balcao.numbers.NumberSnapshots;
import br.com.balcao.tickets.DeliveryStatuses;
import br.com.balcao.tickets.MessageReactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Hands each message and status of a verified envelope to the engine, one call each (a message's transaction
 * may hold other webhooks' messages too, see {@link InboundBatches}),
 * so that one failure does not take the others with it. Everything downstream is idempotent, so when
 * anything failed the envelope is answered 5xx and Meta's redelivery completes it.
 */
@Service
class WebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

    private final NumberSnapshots numbers;
    private final InboundBatches inbound;
    private final DeliveryStatuses deliveryStatuses;
    private final MessageReactions reactions;
    private final ChannelHealth health;
    private final Counter unknownNumbers;

    WebhookProcessor(NumberSnapshots numbers, InboundBatches inbound, DeliveryStatuses deliveryStatuses,
                     MessageReactions reactions, ChannelHealth health, MeterRegistry meters) {
        this.numbers = numbers;
        this.reactions = reactions;
        this.inbound = inbound;
        this.deliveryStatuses = deliveryStatuses;
        this.health = health;
        this.unknownNumbers = Counter.builder("balcao.webhook.unknown_number")
                .description("Webhook changes for a phone_number_id that is no number of this helpdesk")
                .register(meters);
    }

    void process(List<WebhookChange> changes) {
        int failures = 0;
        for (WebhookChange change : changes) {
            Optional<NumberSnapshot> number = numbers.byPhoneNumberId(change.phoneNumberId());
            if (number.isEmpty()) {
                log.warn("Webhook for unknown phone_number_id {}: {} message(s) and {} status(es) ignored",
                        change.phoneNumberId(), change.messages().size(), change.statuses().size());
                unknownNumbers.increment();
                continue;
            }
            long numberId = number.get().id();
            health.webhookReceived(numberId);
            for (InboundMessage message : change.messages()) {
                failures += attempt("message " + message.wamid(), () -> inbound.receive(number.get(), message));
            }
            for (StatusUpdate status : change.statuses()) {
                failures += attempt("status " + status.status() + " of " + status.wamid(),
                        () -> deliveryStatuses.record(numberId, status.wamid(), status.status(), status.at(),
                                status.errorCode(), status.errorMessage()));
            }
            for (InboundReaction reaction : change.reactions()) {
                failures += attempt("reaction " + reaction.wamid(), () -> reactions.recordCustomer(numberId,
                        reaction.messageWamid(), reaction.emoji(), reaction.wamid(), reaction.at()));
            }
        }
        if (failures > 0) {
            throw new PartlyFailed(failures);
        }
    }

    /** Some messages or statuses of the webhook failed, each logged; Meta will deliver it again. */
    static final class PartlyFailed extends RuntimeException {
        PartlyFailed(int failures) {
            super(failures + " item(s) of the webhook failed; Meta will deliver it again", null, false, false);
        }
    }

    /** 0 when the work was done, 1 when it failed on its own. The database being down stops everything. */
    private static int attempt(String what, Runnable work) {
        try {
            work.run();
            return 0;
        } catch (DataAccessException | TransactionException databaseTrouble) {
            throw databaseTrouble;
        } catch (RuntimeException e) {
            log.error("Webhook {} failed", what, e);
            return 1;
        }
    }
}
