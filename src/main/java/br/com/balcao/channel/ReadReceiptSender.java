package br.com.balcao.channel;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.tickets.AgentTyping;
import br.com.balcao.tickets.MessagesRead;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells WhatsApp what the agent did with the customer's messages: read them (once per message, after the claim
 * commits) and is typing. Off the request's thread, and never tried again: each message was claimed once, and
 * WhatsApp takes a later read as reading the earlier messages too. Runs where the outbox's sender runs.
 */
@Component
@ConditionalOnProperty(name = "balcao.whatsapp.outbound.enabled", havingValue = "true", matchIfMissing = true)
class ReadReceiptSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadReceiptSender.class);
    private static final int SENDERS = 2;
    /** Statuses waiting beyond this are dropped (and logged): they are courtesies, not messages. */
    private static final int WAITING = 10_000;

    private final WhatsAppGateway gateway;
    private final NumberDirectory numbers;
    private final ThreadPoolExecutor senders;

    ReadReceiptSender(WhatsAppGateway gateway, NumberDirectory numbers) {
        this.gateway = gateway;
        this.numbers = numbers;
        AtomicInteger count = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(SENDERS, SENDERS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WAITING), task -> {
                    Thread thread = new Thread(task, "read-receipts-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (task, executor) -> log.warn("Too many read statuses waiting; one is dropped"));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onMessagesRead(MessagesRead event) {
        senders.execute(() -> phoneNumberId(event.numberId()).ifPresent(phoneNumberId ->
                event.wamids().forEach(wamid -> gateway.markRead(phoneNumberId, wamid))));
    }

    @EventListener
    void onAgentTyping(AgentTyping event) {
        senders.execute(() -> phoneNumberId(event.numberId()).ifPresent(phoneNumberId ->
                gateway.showTyping(phoneNumberId, event.latestInboundWamid())));
    }

    private Optional<String> phoneNumberId(long numberId) {
        return numbers.find(numberId).map(NumberView::phoneNumberId);
    }

    @Override
    public void destroy() throws InterruptedException {
        senders.shutdown();
        if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }
}
