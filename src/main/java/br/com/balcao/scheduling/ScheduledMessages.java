package br.com.balcao.scheduling;

import br.com.balcao.contacts.ContactView;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.templates.TemplateCatalog;
import br.com.balcao.templates.TemplateParameters;
import br.com.balcao.templates.TemplateView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduling module's facade: scheduled messages written, edited, cancelled and listed. The pages check who may
 * do it (the access policy); these methods check the message itself: a due time in the future, a template approved on
 * the contact's number with its values as Meta wants them, and only a SCHEDULED message changes.
 */
@Service
public class ScheduledMessages {

    /** The most messages the list shows: the SCHEDULED ones first, soonest first, then the latest finished. */
    static final int LIST_LIMIT = 200;

    static final String SELECT = """
            SELECT s.id, s.number_id, n.name AS number_name, n.time_zone, s.contact_id, c.name AS contact_name,
                   c.phone_e164, s.author_id, u.name AS author_name, s.body, s.first_local, s.occurrence, s.due_at,
                   s.repetition, s.template_id, t.name AS template_name, s.template_values, s.status, s.last_result,
                   s.last_run_at
              FROM scheduled_messages s
              JOIN business_numbers n ON n.id = s.number_id
              JOIN contacts c ON c.id = s.contact_id
              JOIN app_users u ON u.id = s.author_id
              LEFT JOIN message_templates t ON t.id = s.template_id
            """;

    private final JdbcTemplate jdbc;
    private final TemplateCatalog templates;
    private final Clock clock;

    ScheduledMessages(JdbcTemplate jdbc, TemplateCatalog templates, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
    }

    /** The approved templates of the number a scheduled message may use: those with no header to fill. */
    public List<TemplateView> templatesOf(long numberId) {
        return templates.approved(numberId).stream().filter(ScheduledMessages::fillable).toList();
    }

    @Transactional
    public long schedule(long authorId, ContactView contact, NumberView number, ScheduleRequest request) {
        Checked checked = check(contact.numberId(), number.zone(), request);
        return jdbc.queryForObject("""
                INSERT INTO scheduled_messages (number_id, contact_id, author_id, body, first_local, due_at, repetition,
                                                template_id, template_values, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?) RETURNING id""", Long.class,
                contact.numberId(), contact.id(), authorId, request.text(), Timestamp.valueOf(checked.first()),
                Timestamp.from(checked.due()), request.repetition().name(), request.templateId(),
                checked.values().toArray(String[]::new),
                Timestamp.from(clock.instant()));
    }

    /** Changes a SCHEDULED message: its occurrences start again from the new date and time. */
    @Transactional
    public void edit(ScheduledMessage message, ScheduleRequest request) {
        Checked checked = check(message.numberId(), message.zone(), request);
        int changed = jdbc.update("""
                UPDATE scheduled_messages
                   SET body = ?, first_local = ?, occurrence = 0, due_at = ?, repetition = ?, template_id = ?,
                       template_values = ?
                 WHERE id = ? AND status = 'SCHEDULED'""",
                request.text(), Timestamp.valueOf(checked.first()), Timestamp.from(checked.due()),
                request.repetition().name(), request.templateId(),
                checked.values().toArray(String[]::new),
                message.id());
        if (changed == 0) {
            throw new InvalidInputException("scheduling.refused.finished");
        }
    }

    /** Cancels a SCHEDULED message; one already finished stays as it is (refused). */
    @Transactional
    public void cancel(long id) {
        if (jdbc.update("UPDATE scheduled_messages SET status = 'CANCELLED' WHERE id = ? AND status = 'SCHEDULED'",
                id) == 0) {
            throw new InvalidInputException("scheduling.refused.finished");
        }
    }

    public Optional<ScheduledMessage> find(long id) {
        return jdbc.query(SELECT + " WHERE s.id = ?", ScheduledMessages::row, id).stream().findFirst();
    }

    /**
     * The user's scheduled messages; with {@code othersOn} (a manager's or admin's numbers) also the other users'
     * messages on those numbers.
     */
    public List<ScheduledMessage> listFor(long userId, Collection<Long> othersOn) {
        Long[] numbers = othersOn.toArray(Long[]::new);
        return jdbc.query(SELECT + """
                 WHERE s.author_id = ? OR s.number_id = ANY (?)
                 ORDER BY s.status <> 'SCHEDULED', CASE WHEN s.status = 'SCHEDULED' THEN s.due_at END,
                          coalesce(s.last_run_at, s.due_at) DESC, s.id DESC
                 LIMIT ?""", ScheduledMessages::row, userId, numbers, LIST_LIMIT);
    }

    private record Checked(LocalDateTime first, Instant due, List<String> values) {
    }

    private Checked check(long numberId, ZoneId zone, ScheduleRequest request) {
        LocalDateTime first = LocalDateTime.of(request.date(), request.time());
        Instant due = request.repetition().due(first, 0, zone);
        if (!due.isAfter(clock.instant())) {
            throw new InvalidInputException("scheduling.refused.past").about("time");
        }
        if (request.templateId() == null) {
            return new Checked(first, due, List.of());
        }
        TemplateView template = templates.approved(request.templateId(), numberId).filter(ScheduledMessages::fillable)
                .orElseThrow(() -> new NotFoundException("template"));
        // The form offers as many value fields as the longest template has variables; the rest stay empty.
        List<String> values = request.values().subList(0, Math.min(request.values().size(), template.variableCount()));
        TemplateParameters.check(template, values).ifPresent(refusal -> {
            throw new InvalidInputException("activeMessage.refused." + refusal.rule().name().toLowerCase(),
                    refusal.argument()).about("values");
        });
        return new Checked(first, due, TemplateParameters.stripped(values));
    }

    /** A template whose header asks for nothing: a job cannot fill a header's variable or file later. */
    private static boolean fillable(TemplateView template) {
        return !template.layout().hasHeader() || !(template.layout().mediaHeader()
                || template.layout().header().hasVariable());
    }

    static ScheduledMessage row(ResultSet row, int i) throws SQLException {
        Array values = row.getArray("template_values");
        Long templateId = row.getObject("template_id", Long.class);
        return new ScheduledMessage(row.getLong("id"), row.getLong("number_id"), row.getString("number_name"),
                ZoneId.of(row.getString("time_zone")), row.getLong("contact_id"), row.getString("contact_name"),
                row.getString("phone_e164"), row.getLong("author_id"), row.getString("author_name"),
                row.getString("body"), row.getTimestamp("first_local").toLocalDateTime(), row.getInt("occurrence"),
                row.getTimestamp("due_at").toInstant(), Repetition.valueOf(row.getString("repetition")),
                templateId, row.getString("template_name"),
                Arrays.asList((String[]) values.getArray()), ScheduleStatus.valueOf(row.getString("status")),
                row.getString("last_result"),
                Optional.ofNullable(row.getTimestamp("last_run_at")).map(Timestamp::toInstant).orElse(null));
    }
}
