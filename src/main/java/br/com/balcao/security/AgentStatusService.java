package br.com.balcao.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agent's status switch: persisted, recorded in the history, announced to the other modules. */
@Service
public class AgentStatusService {

    private final UserAccountRepository users;
    private final AgentStatusChangeRepository changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    AgentStatusService(UserAccountRepository users, AgentStatusChangeRepository changes,
                       ApplicationEventPublisher events, Clock clock, JdbcTemplate jdbc) {
        this.users = users;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Read on every full page (the header's switch): one plain statement, no persistence context. */
    public AgentStatus statusOf(long userId) {
        return jdbc.queryForList("SELECT status FROM app_users WHERE id = ?", String.class, userId).stream()
                .findFirst().map(AgentStatus::valueOf).orElse(AgentStatus.OFFLINE);
    }

    /** The agent was given a ticket: the distribution gives the next one to whoever waited longest since. */
    @Transactional
    public void recordAssignment(long userId, Instant at) {
        jdbc.update("UPDATE app_users SET last_assigned_at = ? WHERE id = ?", Timestamp.from(at), userId);
    }

    @Transactional
    public void change(long userId, AgentStatus status) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (user.getStatus() == status) {
            return;
        }
        Instant now = clock.instant();
        user.changeStatus(status, now);
        changes.save(new AgentStatusChange(userId, status, now));
        events.publishEvent(new AgentStatusChanged(userId, status, now));
    }
}
