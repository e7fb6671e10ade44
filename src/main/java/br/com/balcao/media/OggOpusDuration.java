package br.com.balcao.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * The playing time of an Ogg Opus stream: the last granule position less the pre-skip, in 48 kHz samples
 * (RFC 7845 §4). Reads page by page, each page's CRC checked, so a file of any length needs one page in memory.
 */
final class OggOpusDuration {

    private OggOpusDuration() {
    }

    /** The duration of the Ogg Opus stream read from {@code in}. */
    static Duration read(InputStream in) throws IOException {
        return copy(in, OutputStream.nullOutputStream());
    }

    /**
     * Copies the Ogg Opus stream page by page to {@code out}, having checked that it is one (OpusHead on the first
     * page, OpusTags on the second, audio after them, every CRC right), and answers its duration. On an
     * {@link InvalidVoiceNoteException} what was copied is incomplete.
     */
    static Duration copy(InputStream in, OutputStream out) throws IOException {
        OggPage first = OggPage.read(in);
        if (first == null || !first.has(OggPage.BOS)) {
            throw new InvalidVoiceNoteException("not an Ogg stream (no first page)");
        }
        int serial = first.serial();
        int preSkip = Opus.preSkip(Opus.checkedHead(first.completePackets().stream().findFirst()
                .orElseThrow(() -> new InvalidVoiceNoteException("the first Ogg page holds no OpusHead"))));
        first.writeTo(out);
        int pagesOfStream = 1;
        long lastGranule = -1;
        boolean ended = false;
        for (OggPage page; (page = OggPage.read(in)) != null; ) {
            page.writeTo(out);
            if (page.serial() != serial) {
                continue;
            }
            if (ended) {
                throw new InvalidVoiceNoteException("Ogg pages after the end of the Opus stream");
            }
            pagesOfStream++;
            if (pagesOfStream == 2 && !Opus.isTags(Arrays.copyOf(page.body(), Math.min(16, page.body().length)))) {
                throw new InvalidVoiceNoteException("the second Ogg page does not start with OpusTags");
            }
            if (pagesOfStream > 2 && page.granulePosition() != -1) {
                lastGranule = Math.max(lastGranule, page.granulePosition());
            }
            ended = page.has(OggPage.EOS);
        }
        if (lastGranule < 0) {
            throw new InvalidVoiceNoteException("the Ogg Opus stream holds no audio");
        }
        return of(lastGranule, preSkip);
    }

    static Duration of(long lastGranule, int preSkip) {
        long samples = Math.max(0, lastGranule - preSkip);
        return Duration.ofNanos(samples * 1_000_000_000L / Opus.SAMPLE_RATE);
    }
}
