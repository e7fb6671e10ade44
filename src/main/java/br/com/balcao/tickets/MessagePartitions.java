package br.com.balcao.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The months of the partitioned {@code messages} table (V21): the next ones are created ahead of time, so are those of
 * rows the default partition holds, and with a retention the months wholly older than it are dropped with their
 * reactions. Once across instances (ShedLock).
 */
@Component
class MessagePartitions {

    /** Months created ahead of the current one. */
    static final int MONTHS_AHEAD = 3;

    private static final Logger log = LoggerFactory.getLogger(MessagePartitions.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MessagesProperties properties;

    MessagePartitions(JdbcTemplate jdbc, Clock clock, MessagesProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${balcao.messages.partition-interval:6h}",
            initialDelayString = "${balcao.messages.partition-initial-delay:1m}")
    @SchedulerLock(name = "message-partitions", lockAtMostFor = "PT1H")
    @Transactional
    public void maintain() {
        Instant now = clock.instant();
        int created = jdbc.queryForObject("SELECT create_message_partitions(?, ?)", Integer.class,
                Timestamp.from(now), Timestamp.from(now.atOffset(ZoneOffset.UTC).plusMonths(MONTHS_AHEAD).toInstant()));
        // The months of the rows that landed in the default partition (old WhatsApp timestamps, data loaded before
        // its months existed): few, and each then leaves the default partition small and retention able to drop it.
        for (Timestamp month : jdbc.queryForList(
                "SELECT DISTINCT date_trunc('month', created_at, 'UTC') FROM messages_default", Timestamp.class)) {
            created += jdbc.queryForObject("SELECT create_message_partitions(?, ?)", Integer.class, month, month);
        }
        Period retention = properties.retention();
        Integer dropped = retention == null ? Integer.valueOf(0)
                : jdbc.queryForObject("SELECT drop_message_partitions_before(?)", Integer.class,
                        Timestamp.from(now.atOffset(ZoneOffset.UTC).minus(retention).toInstant()));
        if (created > 0 || dropped != null && dropped > 0) {
            log.info("Message partitions: {} month(s) created, {} dropped by the retention", created, dropped);
        }
    }
}
