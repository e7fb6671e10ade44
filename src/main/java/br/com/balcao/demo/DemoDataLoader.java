package br.com.balcao.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with the demo: three numbers, their users, a few thousand contacts and a hundred days of
 * tickets and messages. It runs while the context starts, so the web server opens on a complete demo; a database
 * that already has a number is left alone.
 */
@Component
@Profile("demo")
class DemoDataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long LOAD_LOCK = DemoGenerator.SEED;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoDataLoader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PasswordEncoder passwordEncoder,
                   Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        load();
    }

    /** Loads the demo unless the database has data already; says whether it did. */
    boolean load() {
        long started = System.nanoTime();
        Map<String, Integer> counts = transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOAD_LOCK);
            if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM business_numbers)",
                    Boolean.class))) {
                return null;
            }
            DemoDataset data = new DemoGenerator(clock.instant()).generate();
            log.debug("Demo data generated in {} ms", (System.nanoTime() - started) / 1_000_000);
            monthsOf(data);
            BulkInsert insert = new BulkInsert(jdbc);
            new DemoDataWriter(insert).write(data, passwordEncoder.encode(DemoCatalog.PASSWORD));
            return insert.counts();
        });
        if (counts == null) {
            log.info("Demo data not loaded: the database already has numbers");
            return false;
        }
        log.info("Demo data loaded in {} ms: {}", (System.nanoTime() - started) / 1_000_000,
                counts.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(", ")));
        return true;
    }

    /**
     * The months of {@code messages} (partitioned by month, V21) the demo's hundred days need: created before the
     * rows, which would otherwise go to the default partition until the partition job moved them.
     */
    private void monthsOf(DemoDataset data) {
        data.messages.stream().map(message -> message.createdAt).min(Instant::compareTo).ifPresent(first ->
                jdbc.queryForList("SELECT create_message_partitions(?, ?)", Timestamp.from(first),
                        Timestamp.from(clock.instant())));
    }
}
