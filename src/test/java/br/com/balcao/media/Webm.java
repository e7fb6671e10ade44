package br.com.balcao.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small WebM files element by element, for the cases a browser recording does not show. */
final class Webm {

    private Webm() {
    }

    static byte[] element(long id, byte[]... children) {
        byte[] body = concat(children);
        return concat(id(id), size(body.length), body);
    }

    /** A master element of unknown size, as MediaRecorder writes a live Segment or Cluster. */
    static byte[] unknownSize(long id, byte[]... children) {
        return concat(id(id), new byte[] {0x01, -1, -1, -1, -1, -1, -1, -1}, concat(children));
    }

    static byte[] uint(long id, long value) {
        return element(id, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    static byte[] string(long id, String value) {
        return element(id, value.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] header() {
        return element(0x1A45DFA3L, string(0x4282, "webm"));
    }

    static byte[] track(int number, String codec, byte[]... more) {
        return element(0xAE, uint(0xD7, number), string(0x86, codec), concat(more));
    }

    static byte[] channels(int channels) {
        return element(0xE1, uint(0x9F, channels));
    }

    static byte[] simpleBlock(int track, int timecode, byte[] packet) {
        return element(0xA3, concat(new byte[] {(byte) (0x80 | track), (byte) (timecode >> 8), (byte) timecode, (byte) 0x80}, packet));
    }

    /** An Opus packet of one 20 ms CELT frame (config 31, code 0): 960 samples. */
    static byte[] packet20ms() {
        return new byte[] {(byte) 0xF8, 1, 2, 3, 4, 5};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] id(long id) {
        int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (id >>> (8 * (length - 1 - i)));
        }
        return bytes;
    }

    private static byte[] size(long size) {
        return new byte[] {0x01, 0, 0, 0, (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size};
    }
}
