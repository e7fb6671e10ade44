package br.com.balcao.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads EBML element headers and bodies from a stream, counting bytes (RFC 8794). A size of all ones is
 * {@link #UNKNOWN_SIZE}, as MediaRecorder writes for a live stream's Segment and Clusters.
 */
final class EbmlReader {

    static final long UNKNOWN_SIZE = -1;

    private final InputStream in;
    private long position;

    EbmlReader(InputStream in) {
        this.in = in;
    }

    long position() {
        return position;
    }

    /** An element's id (its marker bits kept, as Matroska names ids), or -1 at the end of the stream. */
    long readIdOrEnd() throws IOException {
        int first = in.read();
        if (first < 0) {
            return -1;
        }
        position++;
        int length = Long.numberOfLeadingZeros(first) - 55;
        if (length > 4) {
            throw new InvalidVoiceNoteException("invalid EBML element id at byte " + (position - 1));
        }
        long id = first;
        for (int i = 1; i < length; i++) {
            id = id << 8 | readByte();
        }
        return id;
    }

    long readSize() throws IOException {
        int first = readByte();
        int length = Long.numberOfLeadingZeros(first) - 55;
        if (length > 8) {
            throw new InvalidVoiceNoteException("invalid EBML size at byte " + (position - 1));
        }
        long value = first & (0xFF >> length);
        boolean allOnes = value == (0xFF >> length);
        for (int i = 1; i < length; i++) {
            int next = readByte();
            allOnes &= next == 0xFF;
            value = value << 8 | next;
        }
        return allOnes ? UNKNOWN_SIZE : value;
    }

    /** A variable-size integer as blocks use it for their track number. */
    static long vint(byte[] bytes, int at, int[] length) {
        int first = bytes[at] & 0xFF;
        int n = Integer.numberOfLeadingZeros(first) - 23;
        if (n > 8 || at + n > bytes.length) {
            throw new InvalidVoiceNoteException("invalid track number in a block");
        }
        long value = first & (0xFF >> n);
        for (int i = 1; i < n; i++) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        length[0] = n;
        return value;
    }

    byte[] readBody(long size, int limit, String what) throws IOException {
        if (size == UNKNOWN_SIZE) {
            throw new InvalidVoiceNoteException(what + " has an unknown size");
        }
        if (size > limit) {
            throw new InvalidVoiceNoteException(what + " of " + size + " bytes is larger than a voice note's");
        }
        byte[] body = in.readNBytes((int) size);
        position += body.length;
        if (body.length < size) {
            throw new InvalidVoiceNoteException("WebM stream truncated inside " + what);
        }
        return body;
    }

    void skip(long size) throws IOException {
        try {
            in.skipNBytes(size);
        } catch (EOFException e) {
            throw new InvalidVoiceNoteException("WebM stream truncated inside an element");
        }
        position += size;
    }

    static long unsigned(byte[] body) {
        long value = 0;
        for (byte b : body) {
            value = value << 8 | (b & 0xFF);
        }
        return value;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new InvalidVoiceNoteException("WebM stream truncated inside an element header");
        }
        position++;
        return b;
    }
}
