package br.com.balcao.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VoiceNotesTest {

    private final VoiceNotes voiceNotes = new VoiceNotes();

    private byte[] oggOf(byte[] recording, String type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        voiceNotes.toOggOpus(new ByteArrayInputStream(recording), type, out);
        return out.toByteArray();
    }

    @Test
    void chromiumsWebmIsConvertedAndItsDurationAnswered() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        VoiceNote note = voiceNotes.toOggOpus(new ByteArrayInputStream(WebmOpusToOggTest.chromiumRecording()),
                "audio/webm;codecs=opus", out);

        assertThat(new String(out.toByteArray(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
        assertThat(note.duration()).isBetween(Duration.ofMillis(1800), Duration.ofMillis(2200));
        assertThat(note.durationSeconds()).isEqualTo(2);
        assertThat(voiceNotes.duration(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(note.duration());
    }

    @Test
    void oggOpusPassesThroughUnchanged() throws IOException {
        byte[] ogg = oggOf(WebmOpusToOggTest.chromiumRecording(), "audio/webm");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        VoiceNote note = voiceNotes.toOggOpus(new ByteArrayInputStream(ogg), "audio/ogg; codecs=opus", out);

        assertThat(out.toByteArray()).isEqualTo(ogg);
        assertThat(note.duration()).isEqualTo(voiceNotes.duration(new ByteArrayInputStream(ogg)));
    }

    @Test
    void theDurationIsTheLastGranuleLessThePreSkip() throws IOException {
        ByteArrayOutputStream ogg = new ByteArrayOutputStream();
        OggPageWriter pages = new OggPageWriter(ogg, 5);
        byte[] head = Opus.head(1, 312);
        pages.add(head, head.length);
        pages.flush(0, false);
        byte[] tags = Opus.tags();
        pages.add(tags, tags.length);
        pages.flush(0, false);
        pages.add(Webm.packet20ms(), 6);
        pages.flush(24_000, false);
        pages.add(Webm.packet20ms(), 6);
        pages.flush(312 + 72_000, true);

        assertThat(voiceNotes.duration(new ByteArrayInputStream(ogg.toByteArray()))).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aCorruptedOrTruncatedOggIsRefused() throws IOException {
        byte[] ogg = oggOf(WebmOpusToOggTest.chromiumRecording(), "audio/webm");
        byte[] corrupted = ogg.clone();
        corrupted[corrupted.length / 2] ^= 0x10;

        assertThatThrownBy(() -> oggOf(corrupted, "audio/ogg")).isInstanceOf(InvalidVoiceNoteException.class)
                .hasMessageContaining("CRC");
        assertThatThrownBy(() -> oggOf(Arrays.copyOf(ogg, ogg.length - 10), "audio/ogg"))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("truncated");
    }

    @Test
    void anOggThatIsNotOpusIsRefused() {
        ByteArrayOutputStream ogg = new ByteArrayOutputStream();
        OggPageWriter pages = new OggPageWriter(ogg, 9);
        byte[] vorbis = "\u0001vorbis\u0000\u0000\u0000\u0000\u0001\u0044\u00ac\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        pages.add(vorbis, vorbis.length);
        try {
            pages.flush(0, true);
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        assertThatThrownBy(() -> oggOf(ogg.toByteArray(), "audio/ogg")).isInstanceOf(InvalidVoiceNoteException.class)
                .hasMessageContaining("not an OpusHead");
    }

    @Test
    void theContentMustBeTheDeclaredContainerOfAVoiceNote() throws IOException {
        byte[] webm = WebmOpusToOggTest.chromiumRecording();

        assertThatThrownBy(() -> oggOf(webm, "audio/ogg")).isInstanceOf(InvalidVoiceNoteException.class)
                .hasMessageContaining("is not Ogg");
        assertThatThrownBy(() -> oggOf(oggOf(webm, "audio/webm"), "audio/webm")).isInstanceOf(InvalidVoiceNoteException.class)
                .hasMessageContaining("is not WebM");
        assertThatThrownBy(() -> oggOf(webm, "audio/mpeg")).isInstanceOf(InvalidVoiceNoteException.class)
                .hasMessageContaining("not audio/mpeg");
        assertThatThrownBy(() -> oggOf(webm, null)).isInstanceOf(InvalidVoiceNoteException.class);
    }

    @Test
    void durationSecondsRoundToTheNearestAndNeverHideASound() {
        assertThat(new VoiceNote(Duration.ofMillis(1980)).durationSeconds()).isEqualTo(2);
        assertThat(new VoiceNote(Duration.ofMillis(2400)).durationSeconds()).isEqualTo(2);
        assertThat(new VoiceNote(Duration.ofMillis(200)).durationSeconds()).isEqualTo(1);
        assertThat(new VoiceNote(Duration.ZERO).durationSeconds()).isZero();
    }
}
