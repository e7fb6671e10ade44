package br.com.balcao.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What the Ogg mapping needs to know of Opus: packet durations (RFC 6716 §3.1) and the two header packets (RFC 7845 §5). */
final class Opus {

    static final int SAMPLE_RATE = 48_000;
    /** The pre-skip libopus encoders use, for a WebM track that names none. */
    static final int DEFAULT_PRE_SKIP = 312;
    private static final int MAX_PACKET_SAMPLES = 5760;
    private static final byte[] HEAD_MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAGS_MAGIC = "OpusTags".getBytes(StandardCharsets.US_ASCII);
    /** Frame sizes in 48 kHz samples for configurations 0-31 of the TOC byte: SILK, Hybrid, CELT. */
    private static final int[] FRAME_SAMPLES = {
            480, 960, 1920, 2880, 480, 960, 1920, 2880, 480, 960, 1920, 2880,
            480, 960, 480, 960,
            120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960};

    private Opus() {
    }

    /** The packet's duration in 48 kHz samples, from its TOC byte and frame count code. */
    static int samples(byte[] packet, int length) {
        if (length < 1) {
            throw new InvalidVoiceNoteException("empty Opus packet");
        }
        int toc = packet[0] & 0xFF;
        int frames = switch (toc & 0x03) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> {
                if (length < 2) {
                    throw new InvalidVoiceNoteException("Opus packet with frame count code 3 has no frame count byte");
                }
                yield packet[1] & 0x3F;
            }
        };
        int samples = frames * FRAME_SAMPLES[toc >> 3];
        if (frames == 0 || samples > MAX_PACKET_SAMPLES) {
            throw new InvalidVoiceNoteException("Opus packet with " + frames + " frames is not a valid packet");
        }
        return samples;
    }

    /** An OpusHead for mapping family 0 (mono or stereo), for a track whose CodecPrivate is missing. */
    static byte[] head(int channels, int preSkip) {
        if (channels < 1 || channels > 2) {
            throw new InvalidVoiceNoteException("an Opus track of " + channels
                    + " channels needs a channel mapping its CodecPrivate does not give");
        }
        byte[] head = Arrays.copyOf(HEAD_MAGIC, 19);
        head[8] = 1;
        head[9] = (byte) channels;
        head[10] = (byte) preSkip;
        head[11] = (byte) (preSkip >>> 8);
        int rate = SAMPLE_RATE;
        for (int i = 0; i < 4; i++) {
            head[12 + i] = (byte) (rate >>> (8 * i));
        }
        return head;
    }

    /** Checks an OpusHead packet (magic, a version this mapping reads, channels, the mapping table's length). */
    static byte[] checkedHead(byte[] head) {
        if (head.length < 19 || !Arrays.equals(head, 0, 8, HEAD_MAGIC, 0, 8)) {
            throw new InvalidVoiceNoteException("the first packet is not an OpusHead");
        }
        if ((head[8] & 0xF0) != 0) {
            throw new InvalidVoiceNoteException("OpusHead version " + (head[8] & 0xFF) + " is not one this reader knows");
        }
        int channels = head[9] & 0xFF;
        int family = head[18] & 0xFF;
        if (channels == 0 || (family == 0 && channels > 2) || (family != 0 && head.length < 21 + channels)) {
            throw new InvalidVoiceNoteException("OpusHead with " + channels + " channels in mapping family " + family
                    + " is malformed");
        }
        return head;
    }

    static int preSkip(byte[] head) {
        return (head[10] & 0xFF) | (head[11] & 0xFF) << 8;
    }

    /** An OpusTags packet with the app as vendor and no comments. */
    static byte[] tags() {
        byte[] vendor = "Balcão".getBytes(StandardCharsets.UTF_8);
        byte[] tags = Arrays.copyOf(TAGS_MAGIC, 8 + 4 + vendor.length + 4);
        tags[8] = (byte) vendor.length;
        System.arraycopy(vendor, 0, tags, 12, vendor.length);
        return tags;
    }

    static boolean isTags(byte[] packet) {
        return packet.length >= 16 && Arrays.equals(packet, 0, 8, TAGS_MAGIC, 0, 8);
    }
}
