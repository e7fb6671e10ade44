package br.com.balcao.channel;

import br.com.balcao.channel.SendResult.PermanentFailure;
import br.com.balcao.media.MediaStore;
import br.com.balcao.media.StoredMedia;
import br.com.balcao.tickets.OutboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * A media message in WhatsApp's two steps: the kept file is uploaded, and the message is sent with the id WhatsApp
 * answered. An upload WhatsApp still holds (it keeps files about 30 days) is not repeated by a later attempt.
 */
@Component
record MediaSending(MediaStore store, WhatsAppGateway gateway, Clock clock) {

    /** How long after an upload its id is sent again instead of uploading anew: well inside WhatsApp's 30 days. */
    static final Duration REUSE = Duration.ofDays(25);

    SendResult send(String phoneNumberId, OutboundMessage message) {
        Optional<StoredMedia> file = store.find(message.mediaFileId()).filter(StoredMedia::kept);
        Optional<Resource> content = file.flatMap(kept -> store.resource(kept.id()));
        if (file.isEmpty() || content.isEmpty()) {
            return new PermanentFailure(null, "The file of this message is no longer kept");
        }
        String mediaId = uploadedRecently(file.get());
        if (mediaId == null) {
            UploadResult upload = gateway.upload(phoneNumberId,
                    new MediaUpload(content.get(), file.get().mimeType(), file.get().fileName()));
            if (upload instanceof UploadResult.Failed failed) {
                return failed.failure();
            }
            mediaId = ((UploadResult.Uploaded) upload).mediaId();
            store.recordUpload(file.get().id(), mediaId, clock.instant());
        }
        return gateway.sendMedia(phoneNumberId, message, mediaId, file.get().fileName());
    }

    private String uploadedRecently(StoredMedia file) {
        Instant uploadedAt = file.uploadedAt();
        return uploadedAt != null && file.whatsappMediaId() != null && uploadedAt.isAfter(clock.instant().minus(REUSE))
                ? file.whatsappMediaId() : null;
    }
}
