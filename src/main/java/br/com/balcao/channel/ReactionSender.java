package br.com.balcao.channel;

import br.com.balcao.channel.SendResult.Accepted;
import br.com.balcao.channel.SendResult.PermanentFailure;
import br.com.balcao.channel.SendResult.RetryableFailure;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.tickets.MessageReactions;
import br.com.balcao.tickets.OutboundReaction;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the agents' reactions once their transaction commits, and records what WhatsApp answered on the
 * reaction (SENT with its wamid, or FAILED with the reason). A reaction is tried once: the agent sees a failure
 * and may react again. A taken-back reaction has no row left; its failure is only logged.
 */
@Component
class ReactionSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReactionSender.class);

    private final WhatsAppGateway gateway;
    private final NumberDirectory numbers;
    private final MessageReactions reactions;
    private final boolean enabled;
    private final ExecutorService senders = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "reaction-sender");
        thread.setDaemon(true);
        return thread;
    });

    ReactionSender(WhatsAppGateway gateway, NumberDirectory numbers, MessageReactions reactions,
                   @Value("${balcao.whatsapp.outbound.enabled:true}") boolean enabled) {
        this.gateway = gateway;
        this.numbers = numbers;
        this.reactions = reactions;
        this.enabled = enabled;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onReaction(OutboundReaction reaction) {
        if (!enabled) {
            return;
        }
        try {
            senders.execute(() -> send(reaction));
        } catch (RejectedExecutionException e) {
            log.debug("Shutting down; the reaction on {} is not sent", reaction.messageWamid());
        }
    }

    void send(OutboundReaction reaction) {
        SendResult result;
        try {
            result = numbers.find(reaction.numberId()).map(NumberView::phoneNumberId)
                    .map(phoneNumberId -> gateway.react(phoneNumberId, reaction))
                    .orElseGet(() -> new PermanentFailure(null, "Business number " + reaction.numberId()
                            + " no longer exists"));
        } catch (RuntimeException e) {
            log.warn("Gateway failed on the reaction to {}", reaction.messageWamid(), e);
            result = new RetryableFailure("Unexpected error: " + e);
        }
        if (reaction.reactionId() == null) {
            if (!(result instanceof Accepted)) {
                log.warn("Taking back the reaction on {} failed: {}", reaction.messageWamid(), result);
            }
        } else if (result instanceof Accepted accepted) {
            reactions.markSent(reaction.reactionId(), reaction.emoji(), accepted.wamid());
        } else if (result instanceof PermanentFailure failure) {
            reactions.markFailed(reaction.reactionId(), reaction.emoji(), failure.message());
        } else if (result instanceof RetryableFailure failure) {
            reactions.markFailed(reaction.reactionId(), reaction.emoji(), failure.description());
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
