package br.com.balcao.history;

import static br.com.balcao.shared.Timestamps.instant;

import br.com.balcao.shared.database.replica.ReadsFromReplica;
import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.Satisfaction;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.QuotedMessage;
import br.com.balcao.tickets.Reaction;
import br.com.balcao.tickets.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a ticket's PDF prints: the header, the transfer chain and the notes in one statement each, and the
 * messages through a cursor ({@value #MESSAGE_FETCH_SIZE} rows at a time), so that a ticket of thousands of
 * messages never sits in memory whole.
 */
@Component
@ReadsFromReplica
@Transactional(readOnly = true)
class PdfQueries {

    static final int MESSAGE_FETCH_SIZE = 200;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    PdfQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(MESSAGE_FETCH_SIZE);
    }

    Optional<PdfTicket> ticket(long ticketId) {
        return jdbc.query("""
                SELECT t.id, t.ticket_number, t.number_id, n.name AS number_name, n.display_phone, n.time_zone,
                       c.name AS contact_name, c.phone_e164, u.name AS agent_name, t.status, t.close_reason,
                       t.created_at, t.closed_at, t.satisfaction, t.satisfaction_comment,
                       ARRAY(SELECT g.name FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id
                              WHERE tt.ticket_id = t.id ORDER BY lower(g.name), g.id) AS tags
                  FROM tickets t
                  JOIN business_numbers n ON n.id = t.number_id
                  JOIN contacts c ON c.id = t.contact_id
                  LEFT JOIN app_users u ON u.id = t.agent_id
                 WHERE t.id = ?
                """, (row, i) -> new PdfTicket(row.getLong("id"), row.getLong("ticket_number"),
                        row.getLong("number_id"), row.getString("number_name"), row.getString("display_phone"),
                        ZoneId.of(row.getString("time_zone")), row.getString("contact_name"),
                        row.getString("phone_e164"), row.getString("agent_name"), status(row), reason(row),
                        instant(row.getTimestamp("created_at")), instant(row.getTimestamp("closed_at")),
                        Arrays.asList((String[]) row.getArray("tags").getArray()),
                        Satisfaction.of(row.getString("satisfaction")), row.getString("satisfaction_comment")), ticketId)
                .stream().findFirst();
    }

    /** Every ticket of the ticket's transfer chain, itself included, oldest first. */
    List<LinkedTicket> transferChain(long ticketId) {
        return jdbc.query("""
                WITH RECURSIVE ancestors AS (
                         SELECT id, parent_ticket_id FROM tickets WHERE id = ?
                         UNION
                         SELECT p.id, p.parent_ticket_id FROM tickets p JOIN ancestors a ON p.id = a.parent_ticket_id),
                     chain AS (
                         SELECT id FROM ancestors WHERE parent_ticket_id IS NULL
                         UNION
                         SELECT c.id FROM tickets c JOIN chain ON c.parent_ticket_id = chain.id)
                SELECT t.id, t.ticket_number, u.name AS agent_name, t.created_at, t.status, t.close_reason
                  FROM chain JOIN tickets t ON t.id = chain.id LEFT JOIN app_users u ON u.id = t.agent_id
                 ORDER BY t.created_at, t.id
                """, (row, i) -> new LinkedTicket(row.getLong("id"), row.getLong("ticket_number"),
                        row.getString("agent_name"), instant(row.getTimestamp("created_at")), status(row), reason(row)),
                ticketId);
    }

    List<PdfNote> notes(long ticketId) {
        return jdbc.query("""
                SELECT n.created_at, u.name AS author_name, n.body
                  FROM notes n JOIN app_users u ON u.id = n.author_id
                 WHERE n.ticket_id = ?
                 ORDER BY n.created_at, n.id
                """, (row, i) -> new PdfNote(instant(row.getTimestamp("created_at")), row.getString("author_name"),
                        row.getString("body")), ticketId);
    }

    /** The ticket's messages in order, handed over one by one as the cursor reads them. */
    void forEachMessage(long ticketId, Consumer<PdfMessage> action) {
        streaming.query("""
                SELECT m.id, m.created_at, m.author_type, u.name AS author_name, m.type, m.body, m.media_id, m.media_file_id,
                       m.media_url,
                       m.media_file_name, m.media_caption, m.latitude, m.longitude, m.template_name,
                       m.payload::text AS payload, m.context_wamid, q.id AS quoted_id, q.author_type AS quoted_author_type,
                       q.type AS quoted_type, COALESCE(q.body, q.media_caption, q.media_file_name) AS quoted_text,
                       CASE WHEN q.author_type = 'CUSTOMER' THEN qc.name ELSE qu.name END AS quoted_author,
                       (SELECT r.emoji FROM message_reactions r
                         WHERE r.message_id = m.id AND r.author_type = 'CUSTOMER') AS customer_reaction,
                       (SELECT r.emoji FROM message_reactions r
                         WHERE r.message_id = m.id AND r.author_type = 'AGENT' AND r.status <> 'FAILED') AS business_reaction
                  FROM messages m LEFT JOIN app_users u ON u.id = m.author_user_id
                  LEFT JOIN message_wamids qw ON qw.number_id = m.number_id AND qw.wamid = m.context_wamid
                  LEFT JOIN messages q ON q.id = qw.message_id AND q.created_at = qw.created_at
                  LEFT JOIN app_users qu ON qu.id = q.author_user_id
                  LEFT JOIN contacts qc ON qc.id = q.contact_id
                 WHERE m.ticket_id = ?
                 ORDER BY m.created_at, m.id
                """, row -> {
                    action.accept(message(row));
                }, ticketId);
    }

    private static PdfMessage message(ResultSet row) throws SQLException {
        return new PdfMessage(row.getLong("id"), instant(row.getTimestamp("created_at")),
                AuthorType.valueOf(row.getString("author_type")), row.getString("author_name"),
                MessageType.valueOf(row.getString("type")), row.getString("body"), row.getString("media_id"),
                row.getObject("media_file_id", Long.class), row.getString("media_url"), row.getString("media_file_name"), row.getString("media_caption"),
                (Double) row.getObject("latitude"), (Double) row.getObject("longitude"),
                row.getString("template_name"), quote(row), reactions(row), row.getString("payload"));
    }

    private static QuotedMessage quote(ResultSet row) throws SQLException {
        if (row.getString("context_wamid") == null) {
            return null;
        }
        String type = row.getString("quoted_type");
        return new QuotedMessage(row.getLong("id"), row.getObject("quoted_id", Long.class),
                type == null ? null : AuthorType.valueOf(row.getString("quoted_author_type")),
                row.getString("quoted_author"), type == null ? null : MessageType.valueOf(type),
                QuotedMessage.firstLineOf(row.getString("quoted_text")));
    }

    private static List<Reaction> reactions(ResultSet row) throws SQLException {
        List<Reaction> reactions = new ArrayList<>(2);
        for (AuthorType author : List.of(AuthorType.CUSTOMER, AuthorType.AGENT)) {
            String emoji = row.getString(author == AuthorType.CUSTOMER ? "customer_reaction" : "business_reaction");
            if (emoji != null) {
                reactions.add(new Reaction(row.getLong("id"), author, emoji, null, null));
            }
        }
        return reactions;
    }

    private static TicketStatus status(ResultSet row) throws SQLException {
        return TicketStatus.valueOf(row.getString("status"));
    }

    private static CloseReason reason(ResultSet row) throws SQLException {
        String reason = row.getString("close_reason");
        return reason == null ? null : CloseReason.valueOf(reason);
    }
}
