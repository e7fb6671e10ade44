package br.com.balcao.desk;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.MetaErrors;
import br.com.balcao.tickets.SharedContact;
import br.com.balcao.tickets.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A message as a timeline draws it ({@code templates/fragments/message.html}), on the Desk and on the contact
 * page: with the ticket it belongs to (null for automation outside a ticket), so that the contact page marks
 * where one ticket ends and the next begins. {@code implausibleTimestamp} is WhatsApp's own time of a
 * customer's message (Unix seconds) when it was implausible, and {@code createdAt} the time it arrived; null
 * otherwise. {@code voice} marks a voice note (recorded, not an audio file), {@code mediaSeconds} the kept file's
 * playing time when it is known. {@code onWhatsApp}: the message has a wamid (it may be quoted, or reacted to);
 * {@code payload} what a CONTACTS or UNSUPPORTED message keeps.
 */
public record TimelineMessage(long id, Long ticketId, Long ticketNumber, TicketStatus ticketStatus, boolean inbound,
        AuthorType authorType, String authorName, MessageType type, List<TextSegment> text, String mediaFileName,
        String mediaMimeType, String mediaCaption, Double latitude, Double longitude, String templateName,
        DeliveryStatus status, String errorMessage, Instant createdAt, Long implausibleTimestamp,
        boolean voice, Integer mediaSeconds, Integer errorCode, boolean onWhatsApp, String payload) {

    /**
     * The columns a timeline's query selects, from {@code messages m} joined to {@code app_users u} on the author
     * and {@code tickets t} on the ticket; the body is the caller's, as it may be a search's headline.
     */
    public static final String COLUMNS = """
            m.id, m.ticket_id, t.ticket_number, t.status AS ticket_status, m.direction, m.author_type,
            u.name AS author_name, m.type, m.media_file_name, m.media_mime_type, m.media_caption, m.latitude,
            m.longitude, m.template_name, m.status, m.error_message, m.created_at, m.implausible_timestamp,
            m.voice, (SELECT f.duration_seconds FROM media_files f WHERE f.id = m.media_file_id) AS media_seconds,
            m.error_code, m.wamid IS NOT NULL AS on_whatsapp, m.payload::text AS payload""";

    /** A message not on WhatsApp (yet), without a payload. */
    public TimelineMessage(long id, Long ticketId, Long ticketNumber, TicketStatus ticketStatus, boolean inbound,
            AuthorType authorType, String authorName, MessageType type, List<TextSegment> text, String mediaFileName,
            String mediaMimeType, String mediaCaption, Double latitude, Double longitude, String templateName,
            DeliveryStatus status, String errorMessage, Instant createdAt, Long implausibleTimestamp,
            boolean voice, Integer mediaSeconds, Integer errorCode) {
        this(id, ticketId, ticketNumber, ticketStatus, inbound, authorType, authorName, type, text, mediaFileName,
                mediaMimeType, mediaCaption, latitude, longitude, templateName, status, errorMessage, createdAt,
                implausibleTimestamp, voice, mediaSeconds, errorCode, false, null);
    }

    private static final DateTimeFormatter WHATSAPP_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");

    /** The message of a row of {@link #COLUMNS}, with its text already cut into segments. */
    public static TimelineMessage of(ResultSet row, List<TextSegment> text) throws SQLException {
        String ticketStatus = row.getString("ticket_status");
        String status = row.getString("status");
        return new TimelineMessage(row.getLong("id"), (Long) row.getObject("ticket_id"),
                (Long) row.getObject("ticket_number"),
                ticketStatus == null ? null : TicketStatus.valueOf(ticketStatus),
                "INBOUND".equals(row.getString("direction")), AuthorType.valueOf(row.getString("author_type")),
                row.getString("author_name"), MessageType.valueOf(row.getString("type")), text,
                row.getString("media_file_name"), row.getString("media_mime_type"), row.getString("media_caption"),
                (Double) row.getObject("latitude"), (Double) row.getObject("longitude"),
                row.getString("template_name"), status == null ? null : DeliveryStatus.valueOf(status),
                row.getString("error_message"), row.getTimestamp("created_at").toInstant(),
                (Long) row.getObject("implausible_timestamp"), row.getBoolean("voice"),
                (Integer) row.getObject("media_seconds"), (Integer) row.getObject("error_code"),
                row.getBoolean("on_whatsapp"), row.getString("payload"));
    }

    /** WhatsApp's implausible time in the zone, or its Unix seconds where no calendar reaches. */
    public String whatsappTime(ZoneId zone) {
        try {
            return WHATSAPP_TIME.format(Instant.ofEpochSecond(implausibleTimestamp).atZone(zone));
        } catch (DateTimeException beyondTheCalendar) {
            return implausibleTimestamp + " s";
        }
    }

    public boolean media() {
        return type == MessageType.IMAGE || type == MessageType.AUDIO || type == MessageType.VIDEO
                || type == MessageType.DOCUMENT;
    }

    public boolean sticker() {
        return type == MessageType.STICKER;
    }

    /** The contact cards the customer shared (CONTACTS), read from the payload WhatsApp sent. */
    public List<SharedContact> sharedContacts() {
        return type == MessageType.CONTACTS ? SharedContact.of(payload) : List.of();
    }

    /** An audio message's playing time as a player shows it ("0:07", "12:05"), or null when it is not known. */
    public String playingTime() {
        return mediaSeconds == null ? null : mediaSeconds / 60 + ":" + String.format("%02d", mediaSeconds % 60);
    }

    /** The key of Meta's error in words (null when the code has none: the page shows Meta's message). */
    public String errorSentenceKey() {
        return MetaErrors.sentenceKey(errorCode);
    }

    /** An agent's message WhatsApp refused: the agent serving its ticket may send it again. */
    public boolean failedByAgent() {
        return status == DeliveryStatus.FAILED && authorType == AuthorType.AGENT && ticketId != null;
    }

    public boolean automation() {
        return authorType == AuthorType.AUTOMATION;
    }

    /** The key of the ticket group: messages outside a ticket form their own group. */
    public String ticketKey() {
        return ticketId == null ? "none" : String.valueOf(ticketId);
    }
}
