package br.com.balcao.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebmOpusToOggTest {

    /** Two seconds of Chromium's fake microphone (a beep), recorded by MediaRecorder as audio/webm;codecs=opus. */
    static byte[] chromiumRecording() throws IOException {
        try (InputStream in = WebmOpusToOggTest.class.getResourceAsStream("/media/voice-note-chromium.webm")) {
            return in.readAllBytes();
        }
    }

    static List<OggPage> pages(byte[] ogg) throws IOException {
        List<OggPage> pages = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(ogg);
        for (OggPage page; (page = OggPage.read(in)) != null; ) {
            pages.add(page);
        }
        return pages;
    }

    private static Converted convert(byte[] webm) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Duration duration = WebmOpusToOgg.convert(new ByteArrayInputStream(webm), out, 77);
        return new Converted(out.toByteArray(), duration);
    }

    private record Converted(byte[] ogg, Duration duration) {
    }

    @Test
    void aChromiumRecordingBecomesOggOpusWithItsPacketsAndDurations() throws IOException {
        Converted converted = convert(chromiumRecording());

        assertThat(new String(converted.ogg(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
        List<OggPage> pages = pages(converted.ogg());
        assertThat(pages).hasSizeGreaterThan(3);
        assertThat(pages).extracting(OggPage::serial).containsOnly(77);
        assertThat(pages).extracting(OggPage::sequence).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, pages.size()).boxed().toList());

        OggPage head = pages.get(0);
        assertThat(head.has(OggPage.BOS)).isTrue();
        assertThat(head.granulePosition()).isZero();
        assertThat(head.completePackets()).singleElement()
                .satisfies(packet -> assertThat(new String(packet, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("OpusHead"));
        OggPage tags = pages.get(1);
        assertThat(tags.granulePosition()).isZero();
        assertThat(tags.completePackets()).singleElement().satisfies(packet -> assertThat(Opus.isTags(packet)).isTrue());

        long granule = 0;
        for (OggPage page : pages.subList(2, pages.size())) {
            assertThat(page.has(OggPage.BOS)).isFalse();
            assertThat(page.has(OggPage.CONTINUED)).isFalse();
            for (byte[] packet : page.completePackets()) {
                granule += Opus.samples(packet, packet.length);
            }
            assertThat(page.granulePosition()).as("granule of page %d", page.sequence()).isEqualTo(granule);
        }
        assertThat(pages).extracting(page -> page.has(OggPage.EOS))
                .containsExactlyElementsOf(pages.stream().map(page -> page == pages.get(pages.size() - 1)).toList());

        int preSkip = Opus.preSkip(head.completePackets().get(0));
        assertThat(converted.duration()).isEqualTo(Duration.ofNanos((granule - preSkip) * 1_000_000_000L / 48_000));
        assertThat(converted.duration()).isBetween(Duration.ofMillis(1800), Duration.ofMillis(2200));
        assertThat(OggOpusDuration.read(new ByteArrayInputStream(converted.ogg()))).isEqualTo(converted.duration());
    }

    @Test
    void theOpusPacketsAreCopiedNotReencoded() throws IOException {
        byte[] webm = chromiumRecording();
        List<byte[]> packets = new ArrayList<>();
        for (OggPage page : pages(convert(webm).ogg())) {
            packets.addAll(page.completePackets());
        }
        for (byte[] audio : packets.subList(2, packets.size())) {
            assertThat(indexOf(webm, audio)).as("an Ogg packet found in the WebM file").isPositive();
        }
    }

    @Test
    void theOggCrcIsTheUnreflectedPolynomialWithNoInitialOrFinalXor() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // CRC-32/POSIX (cksum) is this CRC with a final XOR of all ones; its check value is 0x765E7680.
        assertThat(OggCrc.of(check, 0, check.length)).isEqualTo(~0x765E7680);
    }

    @Test
    void aTrackWithoutCodecPrivateGetsABuiltOpusHeadWithItsChannelsAndCodecDelay() throws IOException {
        byte[] webm = Webm.concat(Webm.header(), Webm.element(0x18538067L,
                Webm.element(0x1654AE6BL, Webm.track(1, "A_OPUS", Webm.channels(2), Webm.uint(0x56AA, 6_500_000))),
                Webm.element(0x1F43B675L, Webm.uint(0xE7, 0),
                        Webm.simpleBlock(1, 0, Webm.packet20ms()),
                        Webm.element(0xA0, Webm.element(0xA1, Webm.concat(new byte[] {(byte) 0x81, 0, 20, 0}, Webm.packet20ms()))))));

        Converted converted = convert(webm);

        byte[] head = pages(converted.ogg()).get(0).completePackets().get(0);
        assertThat(head).hasSize(19);
        assertThat(head[8]).isEqualTo((byte) 1);
        assertThat(head[9]).isEqualTo((byte) 2);
        assertThat(Opus.preSkip(head)).isEqualTo(312);
        assertThat(OggPage.intAt(head, 12)).isEqualTo(48_000);
        assertThat(head[18]).isZero();
        assertThat(converted.duration()).isEqualTo(Duration.ofNanos((1920 - 312) * 1_000_000_000L / 48_000));
    }

    @Test
    void withoutCodecDelayThePreSkipIsTheEncodersUsual312() throws IOException {
        Converted converted = convert(liveRecording(Webm.track(1, "A_OPUS"), Webm.simpleBlock(1, 0, Webm.packet20ms())));

        byte[] head = pages(converted.ogg()).get(0).completePackets().get(0);
        assertThat(head[9]).isEqualTo((byte) 1);
        assertThat(Opus.preSkip(head)).isEqualTo(312);
    }

    @Test
    void blocksOfAnotherTrackAreLeftOut() throws IOException {
        byte[] webm = liveRecording(Webm.concat(Webm.track(1, "V_VP8"), Webm.track(2, "A_OPUS")),
                Webm.simpleBlock(1, 0, new byte[] {(byte) 0x9D, 1, 0x2A}), Webm.simpleBlock(2, 0, Webm.packet20ms()),
                Webm.simpleBlock(2, 20, Webm.packet20ms()));

        List<OggPage> pages = pages(convert(webm).ogg());

        assertThat(pages.get(2).completePackets()).hasSize(2).allSatisfy(packet -> assertThat(packet).isEqualTo(Webm.packet20ms()));
        assertThat(pages.get(2).granulePosition()).isEqualTo(1920);
    }

    @Test
    void aLongRecordingIsCutIntoPagesOfAtMostASecond() throws IOException {
        byte[][] blocks = new byte[150][];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = Webm.simpleBlock(1, i * 20, Webm.packet20ms());
        }
        List<OggPage> pages = pages(convert(liveRecording(Webm.track(1, "A_OPUS"), blocks)).ogg());

        assertThat(pages).extracting(OggPage::granulePosition).containsExactly(0L, 0L, 48_000L, 96_000L, 144_000L);
    }

    @Test
    void aTrackThatIsNotOpusIsRefusedNamingItsCodec() {
        byte[] webm = liveRecording(Webm.track(1, "A_VORBIS"), Webm.simpleBlock(1, 0, new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> convert(webm)).isInstanceOf(InvalidVoiceNoteException.class)
                .hasMessageContaining("no Opus audio track").hasMessageContaining("A_VORBIS");
    }

    @Test
    void whatIsNotWebmIsRefused() {
        assertThatThrownBy(() -> convert("RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("not a WebM file");
        assertThatThrownBy(() -> convert(new byte[0]))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("not a WebM file");
        assertThatThrownBy(() -> convert(Webm.element(0x1A45DFA3L, Webm.string(0x4282, "mkv3d"))))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("document type mkv3d");
    }

    @Test
    void aRecordingWithNoAudioOrNoTrackListIsRefused() {
        assertThatThrownBy(() -> convert(liveRecording(Webm.track(1, "A_OPUS"))))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("holds no audio");
        assertThatThrownBy(() -> convert(Webm.concat(Webm.header(), Webm.unknownSize(0x18538067L,
                Webm.unknownSize(0x1F43B675L, Webm.simpleBlock(1, 0, Webm.packet20ms()))))))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("before the track list");
    }

    @Test
    void lacedBlocksAndInvalidOpusPacketsAreRefused() {
        byte[] laced = Webm.element(0xA3, new byte[] {(byte) 0x81, 0, 0, (byte) 0x82, 1, 5, (byte) 0xF8, 1, 2, 3, 4, 5, (byte) 0xF8});
        assertThatThrownBy(() -> convert(liveRecording(Webm.track(1, "A_OPUS"), laced)))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("laced");
        byte[] noFrames = Webm.simpleBlock(1, 0, new byte[] {(byte) 0xFB, 0x00});
        assertThatThrownBy(() -> convert(liveRecording(Webm.track(1, "A_OPUS"), noFrames)))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("0 frames");
    }

    @Test
    void aRecordingCutAnywhereIsRefusedOrEndsAsAWholeStream() throws IOException {
        byte[] webm = chromiumRecording();
        int refused = 0;
        for (int length = 1; length < webm.length; length += 37) {
            byte[] cut = Arrays.copyOf(webm, length);
            Converted converted;
            try {
                converted = convert(cut);
            } catch (InvalidVoiceNoteException e) {
                refused++;
                continue;
            }
            // A live stream has no sizes to miss: cut between two blocks, it is a shorter recording, whole.
            List<OggPage> pages = pages(converted.ogg());
            assertThat(pages.get(pages.size() - 1).has(OggPage.EOS)).as("cut at %d", length).isTrue();
        }
        assertThat(refused).isPositive();
        assertThatThrownBy(() -> convert(Arrays.copyOf(webm, webm.length - 3)))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("truncated");
    }

    @Test
    void aSegmentOfKnownSizeThatEndsEarlyIsTruncated() {
        byte[] whole = Webm.concat(Webm.header(), Webm.element(0x18538067L,
                Webm.element(0x1654AE6BL, Webm.track(1, "A_OPUS")),
                Webm.element(0x1F43B675L, Webm.simpleBlock(1, 0, Webm.packet20ms())),
                Webm.element(0x1F43B675L, Webm.simpleBlock(1, 20, Webm.packet20ms()))));
        byte[] lastClusterMissing = Arrays.copyOf(whole, whole.length - Webm.element(0x1F43B675L,
                Webm.simpleBlock(1, 20, Webm.packet20ms())).length);

        assertThatThrownBy(() -> convert(lastClusterMissing))
                .isInstanceOf(InvalidVoiceNoteException.class).hasMessageContaining("truncated");
    }

    static byte[] liveRecording(byte[] tracks, byte[]... blocks) {
        return Webm.concat(Webm.header(), Webm.unknownSize(0x18538067L, Webm.element(0x1654AE6BL, tracks),
                Webm.unknownSize(0x1F43B675L, Webm.concat(Webm.uint(0xE7, 0), Webm.concat(blocks)))));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
