package br.com.balcao.channel;

import br.com.balcao.channel.SendResult.PermanentFailure;
import br.com.balcao.media.MediaStore;
import br.com.balcao.media.StoredMedia;
import br.com.balcao.templates.HeaderMedia;
import br.com.balcao.templates.TemplateHeader;
import br.com.balcao.tickets.OutboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * A message with a file in WhatsApp's two steps: the kept file is uploaded, and the message is sent with the id
 * WhatsApp answered: a media message, or a template whose header is an image, video or document. An upload
 * WhatsApp still holds (it keeps files about 30 days) is not repeated by a later attempt.
 */
@Component
record MediaSending(MediaStore store, WhatsAppGateway gateway, Clock clock) {

    /** How long after an upload its id is sent again instead of uploading anew: well inside WhatsApp's 30 days. */
    static final Duration REUSE = Duration.ofDays(25);

    /** Whether the message has a file to upload first. */
    static boolean carriesFile(OutboundMessage message) {
        return message.mediaFileId() != null || message.templateHeaderMedia() != null;
    }

    SendResult send(String phoneNumberId, OutboundMessage message) {
        HeaderMedia header = message.templateHeaderMedia();
        if (message.mediaFileId() == null && header != null) {
            return uploaded(phoneNumberId, header.fileId(), (mediaId, file) -> gateway.send(phoneNumberId,
                    message.withTemplateHeader(new TemplateHeader(null,
                            header.uploaded(mediaId, file.fileName())))));
        }
        return uploaded(phoneNumberId, message.mediaFileId(),
                (mediaId, file) -> gateway.sendMedia(phoneNumberId, message, mediaId, file.fileName()));
    }

    /** {@code then} with the WhatsApp id of the kept file, uploaded now unless it was recently. */
    private SendResult uploaded(String phoneNumberId, long fileId, BiFunction<String, StoredMedia, SendResult> then) {
        Optional<StoredMedia> file = store.find(fileId).filter(StoredMedia::kept);
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
        return then.apply(mediaId, file.get());
    }

    private String uploadedRecently(StoredMedia file) {
        Instant uploadedAt = file.uploadedAt();
        return uploadedAt != null && file.whatsappMediaId() != null && uploadedAt.isAfter(clock.instant().minus(REUSE))
                ? file.whatsappMediaId() : null;
    }
}
