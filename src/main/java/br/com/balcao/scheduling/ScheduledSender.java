package br.com.balcao.scheduling;

import br.com.balcao.live.LiveEvent;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.Role;
import br.com.balcao.security.UserDirectory;
import br.com.balcao.security.UserSummary;
import br.com.balcao.templates.TemplateCatalog;
import br.com.balcao.tickets.ServiceWindow;
import br.com.balcao.tickets.TicketActions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the scheduled messages that are due, every {@code balcao.scheduling.sweep-interval} on every instance. Each
 * message is taken in a transaction of its own with {@code FOR UPDATE SKIP LOCKED}: the message is queued in the
 * outbox and the scheduled row moved on (finished, or its next occurrence) in that same transaction, so two instances
 * never take one message, and a crash before the commit leaves it due, retaken by the next sweep on any instance.
 * The lock is the claim: what the transaction does is database work only (WhatsApp is called by the outbox after
 * commit), so no lease is needed for a slow send.
 */
@Component
class ScheduledSender {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSender.class);

    /** The most messages one sweep sends, so that a long backlog does not hold one instance's scheduler. */
    static final int SWEEP_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TicketActions actions;
    private final ServiceWindow window;
    private final TemplateCatalog templates;
    private final NumberDirectory numbers;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScheduledSender(JdbcTemplate jdbc, TransactionTemplate transactions, TicketActions actions, ServiceWindow window,
            TemplateCatalog templates, NumberDirectory numbers, UserDirectory users, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.actions = actions;
        this.window = window;
        this.templates = templates;
        this.numbers = numbers;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** What became of one occurrence; its name, lower case, is the {@code last_result} the list explains. */
    enum Outcome {
        SENT, SENT_TEMPLATE, SKIPPED_WINDOW, SKIPPED_PERMISSION, SKIPPED_TEMPLATE, FAILED;

        boolean sent() {
            return this == SENT || this == SENT_TEMPLATE;
        }

        boolean skipped() {
            return this == SKIPPED_WINDOW || this == SKIPPED_PERMISSION || this == SKIPPED_TEMPLATE;
        }

        String result() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    @Scheduled(fixedDelayString = "${balcao.scheduling.sweep-interval:30s}",
            initialDelayString = "${balcao.scheduling.sweep-interval:30s}")
    void sweep() {
        int sent = sendDue(SWEEP_LIMIT);
        if (sent > 0) {
            LOG.debug("Scheduled messages handled: {}", sent);
        }
    }

    /** Handles due messages one by one, at most {@code limit}; answers how many. */
    int sendDue(int limit) {
        int handled = 0;
        while (handled < limit && sendNext()) {
            handled++;
        }
        return handled;
    }

    /** The next due message, in a transaction of its own; false when none is due (or all are taken). */
    private boolean sendNext() {
        Instant now = clock.instant();
        AtomicReference<ScheduledMessage> taken = new AtomicReference<>();
        try {
            transactions.executeWithoutResult(status -> lockNextDue(now).ifPresent(message -> {
                taken.set(message);
                Outcome outcome = send(message);
                finish(message, outcome, now);
                if (outcome.skipped()) {
                    // Announced with the commit: the author's Desk shows the notice (SkippedNotices) at once.
                    events.publishEvent(new LiveEvent(SkippedNotices.KIND, message.numberId(), message.contactId(),
                            null, null, message.authorId()));
                }
            }));
        } catch (RuntimeException failure) {
            if (taken.get() == null) {
                throw failure;
            }
            recordFailure(taken.get(), now, failure);
        }
        return taken.get() != null;
    }

    private Optional<ScheduledMessage> lockNextDue(Instant now) {
        return jdbc.query(ScheduledMessages.SELECT + """
                 WHERE s.status = 'SCHEDULED' AND s.due_at <= ?
                 ORDER BY s.due_at, s.id
                 LIMIT 1 FOR UPDATE OF s SKIP LOCKED""", ScheduledMessages::row, Timestamp.from(now))
                .stream().findFirst();
    }

    private Outcome send(ScheduledMessage message) {
        boolean inWindow = window.isOpen(message.contactId());
        if (!inWindow && message.templateId() == null) {
            return Outcome.SKIPPED_WINDOW;
        }
        if (!mayStill(message.authorId(), message.numberId(), inWindow ? Permission.REPLY : Permission.ACTIVE_MESSAGE)) {
            return Outcome.SKIPPED_PERMISSION;
        }
        if (!inWindow && templates.approved(message.templateId(), message.numberId()).isEmpty()) {
            return Outcome.SKIPPED_TEMPLATE;
        }
        actions.sendScheduled(message.contactId(), message.authorId(), message.body(), message.templateId(),
                message.values());
        return inWindow ? Outcome.SENT : Outcome.SENT_TEMPLATE;
    }

    /** Whether the author may still write on the number: enabled, and an admin or a member with the permission. */
    private boolean mayStill(long authorId, long numberId, Permission needed) {
        Optional<UserSummary> author = users.find(authorId).filter(UserSummary::enabled);
        if (author.isEmpty()) {
            return false;
        }
        if (author.get().role() == Role.ADMIN) {
            return true;
        }
        Set<Permission> granted = numbers.permissionsOf(authorId).getOrDefault(numberId, Set.of());
        return granted.contains(Permission.REPLY) && granted.contains(needed);
    }

    /**
     * Records the occurrence: a repeating message goes on SCHEDULED at its next occurrence after now (occurrences
     * missed while no instance ran are not sent late), any other ends SENT or SKIPPED.
     */
    private void finish(ScheduledMessage message, Outcome outcome, Instant now) {
        int next = message.occurrence() + 1;
        while (message.repetition().repeats()
                && !message.repetition().due(message.firstLocal(), next, message.zone()).isAfter(now)) {
            next++;
        }
        String status = message.repetition().repeats() ? ScheduleStatus.SCHEDULED.name()
                : (outcome.sent() ? ScheduleStatus.SENT : ScheduleStatus.SKIPPED).name();
        Instant due = message.repetition().repeats()
                ? message.repetition().due(message.firstLocal(), next, message.zone()) : message.dueAt();
        jdbc.update("""
                UPDATE scheduled_messages
                   SET status = ?, occurrence = ?, due_at = ?, last_result = ?, last_run_at = ?
                 WHERE id = ?""", status, message.repetition().repeats() ? next : message.occurrence(),
                Timestamp.from(due), outcome.result(), Timestamp.from(now), message.id());
    }

    /**
     * A send that failed rolled back; the message it took is moved on as FAILED (unless another sweep took it
     * meanwhile), so that it does not stop the sweep.
     */
    private void recordFailure(ScheduledMessage message, Instant now, RuntimeException failure) {
        LOG.warn("Scheduled message {} could not be sent", message.id(), failure);
        transactions.executeWithoutResult(status -> {
            if (!jdbc.queryForList("""
                    SELECT id FROM scheduled_messages
                     WHERE id = ? AND status = 'SCHEDULED' AND due_at = ? FOR UPDATE SKIP LOCKED""", Long.class,
                    message.id(), Timestamp.from(message.dueAt())).isEmpty()) {
                finish(message, Outcome.FAILED, now);
            }
        });
    }
}
