package br.com.balcao.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes one logical Ogg stream of whole packets, page by page (RFC 3533). A page holds at most 255 lacing values,
 * so a packet is at most {@link #MAX_PACKET} bytes and never continues on the next page.
 */
final class OggPageWriter {

    static final int MAX_PACKET = 254 * 255 + 254;
    private static final int HEADER = 27;
    private static final int BOS = 0x02;
    private static final int EOS = 0x04;

    private final OutputStream out;
    private final int serial;
    private final byte[] segments = new byte[255];
    private byte[] body = new byte[8192];
    private int segmentCount;
    private int bodyLength;
    private int sequence;

    OggPageWriter(OutputStream out, int serial) {
        this.out = out;
        this.serial = serial;
    }

    /** Whether the current page has room for a packet of this length. */
    boolean fits(int packetLength) {
        return segmentCount + packetLength / 255 + 1 <= 255;
    }

    boolean isEmpty() {
        return segmentCount == 0;
    }

    int bodyLength() {
        return bodyLength;
    }

    void add(byte[] packet, int length) {
        if (length > MAX_PACKET || !fits(length)) {
            throw new IllegalStateException("packet of " + length + " bytes does not fit the page");
        }
        for (int left = length; ; left -= 255) {
            segments[segmentCount++] = (byte) Math.min(left, 255);
            if (left < 255) {
                break;
            }
        }
        if (bodyLength + length > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + length));
        }
        System.arraycopy(packet, 0, body, bodyLength, length);
        bodyLength += length;
    }

    /** Writes the page holding the packets added since the last one; the first page is marked as the stream's start. */
    void flush(long granulePosition, boolean last) throws IOException {
        byte[] header = new byte[HEADER + segmentCount];
        header[0] = 'O';
        header[1] = 'g';
        header[2] = 'g';
        header[3] = 'S';
        header[5] = (byte) ((sequence == 0 ? BOS : 0) | (last ? EOS : 0));
        putLong(header, 6, granulePosition);
        putInt(header, 14, serial);
        putInt(header, 18, sequence++);
        header[26] = (byte) segmentCount;
        System.arraycopy(segments, 0, header, HEADER, segmentCount);
        int crc = OggCrc.update(OggCrc.of(header, 0, header.length), body, 0, bodyLength);
        putInt(header, 22, crc);
        out.write(header);
        out.write(body, 0, bodyLength);
        segmentCount = 0;
        bodyLength = 0;
    }

    private static void putInt(byte[] bytes, int at, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static void putLong(byte[] bytes, int at, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
