package br.com.balcao.desk;

import br.com.balcao.media.AcceptedMedia;
import br.com.balcao.media.MediaLimits;
import br.com.balcao.media.MediaStore;
import br.com.balcao.media.StoredMedia;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.templates.HeaderFormat;
import br.com.balcao.templates.HeaderMedia;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The file an agent picks for a template's image, video or document header: checked against WhatsApp's limits
 * (as the composer's attachments are) and against the header's kind before anything is kept, then kept by the app
 * (streamed) for the sender to upload after commit.
 */
@Component
record ActiveMessageHeaderFile(MediaStore store) {

    /** The kept file; refused with an {@link InvalidInputException} when missing, of another kind or too large. */
    HeaderMedia keep(long numberId, HeaderFormat format, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            throw new InvalidInputException("activeMessage.refused.file." + format);
        }
        AcceptedMedia media = MediaLimits.check(file.getInputStream(), file.getSize(), file.getOriginalFilename(),
                null);
        if (!media.kind().name().equals(format.name())) {
            throw new InvalidInputException("activeMessage.refused.headerKind." + format);
        }
        StoredMedia stored;
        try (InputStream content = file.getInputStream()) {
            stored = store.store(numberId, content, media.mimeType(), media.fileName(), null);
        }
        return new HeaderMedia(format, stored.id());
    }

    /** Removes a kept file whose message was refused. */
    void discard(HeaderMedia media) {
        if (media != null) {
            store.discard(media.fileId());
        }
    }
}
