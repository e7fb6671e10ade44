package br.com.balcao.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;

/**
 * Turns an agent's recording into what WhatsApp plays as a voice note: an Ogg file with the Opus codec, sent as
 * {@code {"type":"audio","audio":{"id":"...","voice":true}}}.
 * <p>
 * Browsers record Opus in different containers: Chromium's MediaRecorder writes WebM, Firefox's writes Ogg. WebM is
 * remuxed to Ogg (the Opus packets are copied, not re-encoded, so nothing is lost and no native codec is needed); Ogg
 * is checked (an OpusHead first, every page's CRC) and copied as it is. Both are streamed: memory stays at one block
 * or page whatever the recording's length.
 */
@Service
public class VoiceNotes {

    /**
     * Writes the recording read from {@code recording} as Ogg Opus to {@code oggOpus} and answers its duration.
     *
     * @param recording    the uploaded bytes; read to the end, not closed
     * @param declaredType the type the browser declared: {@code audio/webm} (or {@code video/webm}, as some browsers
     *                     label an audio-only recording) or {@code audio/ogg} / {@code audio/opus}, parameters such as
     *                     {@code ;codecs=opus} allowed. The content must match the declared container.
     * @param oggOpus      where the Ogg Opus stream goes (its type is {@link VoiceNote#CONTENT_TYPE}); not closed
     * @return the voice note's duration, from the last granule position less the pre-skip
     * @throws InvalidVoiceNoteException when the type is not one of those, the content is not that container, the
     *                     audio is not Opus, or the file is malformed or truncated. Whatever was written to
     *                     {@code oggOpus} by then is incomplete: the caller must discard it (delete the file, roll back).
     * @throws IOException when reading or writing fails
     */
    public VoiceNote toOggOpus(InputStream recording, String declaredType, OutputStream oggOpus) throws IOException {
        Container container = Container.declaredBy(declaredType);
        InputStream in = recording.markSupported() ? recording : new BufferedInputStream(recording);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (!container.startsWith(magic)) {
            throw new InvalidVoiceNoteException("the recording declared as " + declaredType + " is not " + container.name);
        }
        Duration duration = container == Container.WEBM
                ? WebmOpusToOgg.convert(in, oggOpus, ThreadLocalRandom.current().nextInt())
                : OggOpusDuration.copy(in, oggOpus);
        return new VoiceNote(duration);
    }

    /**
     * The duration of an Ogg Opus file, such as a customer's voice note received from WhatsApp, read page by page.
     *
     * @throws InvalidVoiceNoteException when it is not a whole Ogg Opus stream
     */
    public Duration duration(InputStream oggOpus) throws IOException {
        return OggOpusDuration.read(oggOpus);
    }

    private enum Container {
        WEBM("WebM", new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}),
        OGG("Ogg", new byte[] {'O', 'g', 'g', 'S'});

        private final String name;
        private final byte[] magic;

        Container(String name, byte[] magic) {
            this.name = name;
            this.magic = magic;
        }

        static Container declaredBy(String type) {
            String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            return switch (base) {
                case "audio/webm", "video/webm" -> WEBM;
                case "audio/ogg", "audio/opus", "application/ogg" -> OGG;
                default -> throw new InvalidVoiceNoteException("a voice note is recorded as WebM or Ogg Opus, not " + type);
            };
        }

        boolean startsWith(byte[] bytes) {
            return Arrays.equals(bytes, magic);
        }
    }
}
