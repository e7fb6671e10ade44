package br.com.balcao.audit;

import br.com.balcao.security.SignedInUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log's facade. A page records each change it makes, in the change's own transaction, so a
 * change and its audit row are stored together or not at all.
 */
@Service
public class AuditLog {

    static final int PAGE_SIZE = 50;
    static final int MAX_SUBJECT = 200;
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a change by {@code actor}: {@code action} names it (a message key suffix such as
     * {@code tag.updated}), {@code subject} says what it was done to. Of {@code before} and {@code after}
     * (field to value; empty for a creation or a deletion) only the fields whose value changed are kept;
     * a change that changed nothing is not recorded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(SignedInUser actor, String action, String subject, Map<String, ?> before,
            Map<String, ?> after) {
        Map<String, String> oldValues = new LinkedHashMap<>();
        Map<String, String> newValues = new LinkedHashMap<>();
        before.forEach((field, value) -> {
            if (!after.containsKey(field) || !Objects.equals(text(value), text(after.get(field)))) {
                oldValues.put(field, text(value));
            }
        });
        after.forEach((field, value) -> {
            if (!before.containsKey(field) || !Objects.equals(text(value), text(before.get(field)))) {
                newValues.put(field, text(value));
            }
        });
        if (oldValues.isEmpty() && newValues.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO audit_log (at, actor_id, actor_name, action, subject, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                """, Timestamp.from(clock.instant()), actor.id(), actor.name(), action, shortened(subject),
                jsonOrNull(oldValues), jsonOrNull(newValues));
    }

    /**
     * What a change touched, for {@link #record}: {@code fields("name", a, "color", b)}, in that order; a value may
     * be null.
     */
    public static Map<String, Object> fields(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a name without its value");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** The newest entries, or those older than the entry {@code beforeId}, {@link #PAGE_SIZE} at a time. */
    @Transactional(readOnly = true)
    public AuditPage recent(Optional<Long> beforeId) {
        String older = beforeId.isPresent() ? "WHERE (at, id) < (SELECT at, id FROM audit_log WHERE id = ?)" : "";
        Object[] arguments = beforeId.isPresent() ? new Object[] {beforeId.get(), PAGE_SIZE + 1}
                : new Object[] {PAGE_SIZE + 1};
        // Two shapes rather than "? IS NULL OR ...", so that each is planned as a walk down audit_log_recent.
        List<AuditEntry> entries = jdbc.query("""
                SELECT id, at, actor_name, action, subject, old_value::text AS old_value, new_value::text AS new_value
                  FROM audit_log
                """ + older + """
                 ORDER BY at DESC, id DESC
                 LIMIT ?
                """, (row, i) -> new AuditEntry(row.getLong("id"), row.getTimestamp("at").toInstant(),
                        row.getString("actor_name"), row.getString("action"), row.getString("subject"),
                        fields(row.getString("old_value")), fields(row.getString("new_value"))),
                arguments);
        boolean hasMore = entries.size() > PAGE_SIZE;
        return new AuditPage(hasMore ? entries.subList(0, PAGE_SIZE) : entries, hasMore);
    }

    /**
     * The subject cut to the column's {@value #MAX_SUBJECT} characters (code points, never half of one), with
     * an ellipsis: names limited in visible characters, such as sixty emoji, can be several times as long.
     */
    private static String shortened(String subject) {
        if (subject.codePointCount(0, subject.length()) <= MAX_SUBJECT) {
            return subject;
        }
        return subject.substring(0, subject.offsetByCodePoints(0, MAX_SUBJECT - 1)) + "…";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private String jsonOrNull(Map<String, String> values) {
        return values.isEmpty() ? null : json.writeValueAsString(values);
    }

    private Map<String, String> fields(String value) {
        return value == null ? Map.of() : json.readValue(value, FIELDS);
    }
}
