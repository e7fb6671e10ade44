package br.com.balcao.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** A generated message; delivery fields are settled once the load's "now" is known. */
final class DemoMessage {

    static final int RE_ENGAGEMENT_ERROR = 131047;
    static final String RE_ENGAGEMENT_MESSAGE = "Re-engagement message: message failed to send because more than "
            + "24 hours have passed since the customer last replied to this number.";

    long id;
    final long numberId;
    final DemoContact contact;
    final DemoTicket ticket;
    final String authorType;
    final Long authorUserId;
    final Instant createdAt;
    String automation;
    String type = "TEXT";
    String body;
    boolean hasMedia;
    String mediaCaption;
    String mediaFileName;
    String mediaMimeType;
    Double latitude;
    Double longitude;
    String templateName;
    String templateLanguage;
    String templateParams;
    String status;
    Integer errorCode;
    String errorMessage;
    Instant sentAt;
    Instant deliveredAt;
    Instant readAt;

    DemoMessage(long numberId, DemoContact contact, DemoTicket ticket, String authorType, Long authorUserId,
                Instant createdAt) {
        this.numberId = numberId;
        this.contact = contact;
        this.ticket = ticket;
        this.authorType = authorType;
        this.authorUserId = authorUserId;
        this.createdAt = createdAt;
    }

    boolean inbound() {
        return "CUSTOMER".equals(authorType);
    }

    String direction() {
        return inbound() ? "INBOUND" : "OUTBOUND";
    }

    int sendAttempts() {
        return inbound() ? 0 : 1;
    }

    String mediaId() {
        return hasMedia ? "demo-media-" + id : null;
    }

    String wamid() {
        return "wamid.demo." + id;
    }

    /** Outbound messages were sent, delivered and mostly read, never later than now; a few failed. */
    void settleDelivery(Instant now, Random random) {
        if (inbound()) {
            return;
        }
        if ("AGENT".equals(authorType) && "TEXT".equals(type) && random.nextInt(100) == 0) {
            status = "FAILED";
            errorCode = RE_ENGAGEMENT_ERROR;
            errorMessage = RE_ENGAGEMENT_MESSAGE;
            return;
        }
        sentAt = createdAt.plusMillis(300 + random.nextInt(2_000));
        deliveredAt = sentAt.plusMillis(200 + random.nextInt(4_000));
        readAt = random.nextInt(100) < 85 ? deliveredAt.plus(Duration.ofSeconds(3 + random.nextInt(600))) : null;
        if (readAt != null && !readAt.isAfter(now)) {
            status = "READ";
        } else if (!deliveredAt.isAfter(now)) {
            status = "DELIVERED";
            readAt = null;
        } else {
            status = "SENT";
            deliveredAt = null;
            readAt = null;
        }
    }
}
