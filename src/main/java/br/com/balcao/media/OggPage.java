package br.com.balcao.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One Ogg page as read from a stream, its CRC verified (RFC 3533). */
record OggPage(int flags, long granulePosition, int serial, int sequence, byte[] header, byte[] body) {

    static final int CONTINUED = 0x01;
    static final int BOS = 0x02;
    static final int EOS = 0x04;

    /** The next page, or null at the end of the stream; a malformed or corrupted page is an {@link InvalidVoiceNoteException}. */
    static OggPage read(InputStream in) throws IOException {
        byte[] header = new byte[27];
        int first = in.readNBytes(header, 0, 27);
        if (first == 0) {
            return null;
        }
        if (first < 27) {
            throw new InvalidVoiceNoteException("Ogg stream truncated inside a page header");
        }
        if (header[0] != 'O' || header[1] != 'g' || header[2] != 'g' || header[3] != 'S' || header[4] != 0) {
            throw new InvalidVoiceNoteException("not an Ogg page (no OggS capture pattern, version 0)");
        }
        int segmentCount = header[26] & 0xFF;
        header = Arrays.copyOf(header, 27 + segmentCount);
        int bodyLength = 0;
        try {
            readFully(in, header, 27, segmentCount);
            for (int i = 0; i < segmentCount; i++) {
                bodyLength += header[27 + i] & 0xFF;
            }
            byte[] body = new byte[bodyLength];
            readFully(in, body, 0, bodyLength);
            int stored = intAt(header, 22);
            Arrays.fill(header, 22, 26, (byte) 0);
            int computed = OggCrc.update(OggCrc.of(header, 0, header.length), body, 0, bodyLength);
            putInt(header, 22, stored);
            if (stored != computed) {
                throw new InvalidVoiceNoteException("Ogg page " + intAt(header, 18) + " fails its CRC check");
            }
            return new OggPage(header[5] & 0xFF, longAt(header, 6), intAt(header, 14), intAt(header, 18), header, body);
        } catch (EOFException e) {
            throw new InvalidVoiceNoteException("Ogg stream truncated inside a page");
        }
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The packets that end on this page, whole when the page holds them whole (a packet continued from or onto another page is left out). */
    List<byte[]> completePackets() {
        List<byte[]> packets = new ArrayList<>();
        int segmentCount = header.length - 27;
        int start = 0;
        int at = 0;
        boolean continuation = has(CONTINUED);
        for (int i = 0; i < segmentCount; i++) {
            int lace = header[27 + i] & 0xFF;
            at += lace;
            if (lace < 255) {
                if (!continuation) {
                    packets.add(Arrays.copyOfRange(body, start, at));
                }
                continuation = false;
                start = at;
            }
        }
        return packets;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(header);
        out.write(body);
    }

    private static void readFully(InputStream in, byte[] into, int offset, int length) throws IOException {
        if (in.readNBytes(into, offset, length) < length) {
            throw new EOFException();
        }
    }

    static int intAt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }

    private static long longAt(byte[] bytes, int at) {
        return (intAt(bytes, at) & 0xFFFFFFFFL) | (long) intAt(bytes, at + 4) << 32;
    }

    private static void putInt(byte[] bytes, int at, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
