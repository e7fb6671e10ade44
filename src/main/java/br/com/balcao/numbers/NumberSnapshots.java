package br.com.balcao.numbers;

import br.com.balcao.shared.NotFoundException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The numbers' settings for the inbound pipeline, read once and kept until they change: each lookup costs one
 * indexed read of the number's settings version (moved forward by the database on every change, whoever
 * makes it), instead of reading the number, its service hours, holidays and absence for every message.
 */
@Service
public class NumberSnapshots {

    private final JdbcTemplate jdbc;
    private final ServiceCalendar calendar;
    private final Map<Long, NumberSnapshot> current = new ConcurrentHashMap<>();

    NumberSnapshots(JdbcTemplate jdbc, ServiceCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public Optional<NumberSnapshot> byPhoneNumberId(String phoneNumberId) {
        return jdbc.query("SELECT id, settings_version FROM business_numbers WHERE phone_number_id = ?",
                        (row, i) -> new long[] {row.getLong(1), row.getLong(2)}, phoneNumberId).stream().findFirst()
                .map(idAndVersion -> snapshot(idAndVersion[0], idAndVersion[1]));
    }

    /** @throws NotFoundException for an unknown number */
    public NumberSnapshot byId(long numberId) {
        return jdbc.query("SELECT settings_version FROM business_numbers WHERE id = ?",
                        (row, i) -> row.getLong(1), numberId).stream().findFirst()
                .map(version -> snapshot(numberId, version))
                .orElseThrow(() -> new NotFoundException("Number " + numberId));
    }

    /**
     * Called after the version's statement has handed its connection back: loading the settings takes a
     * connection of its own, and holding one while waiting for another deadlocked the pool when as many
     * first webhooks after a change as it has connections arrived at once.
     */
    private NumberSnapshot snapshot(long numberId, long version) {
        NumberSnapshot known = current.get(numberId);
        if (known != null && known.version() == version) {
            return known;
        }
        NumberSnapshot loaded = calendar.snapshot(numberId);
        // Concurrent loads: keep the newest settings (a load may see a version newer than the one asked for).
        return current.merge(numberId, loaded, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }
}
