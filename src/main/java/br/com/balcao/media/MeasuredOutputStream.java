package br.com.balcao.media;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes on while counting them and hashing them (SHA-256); refuses to go past {@code maxBytes}. */
final class MeasuredOutputStream extends FilterOutputStream {

    private final long maxBytes;
    private final MessageDigest digest;
    private long size;

    MeasuredOutputStream(OutputStream out, long maxBytes) {
        super(out);
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        counted(1);
        digest.update((byte) b);
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        counted(length);
        digest.update(bytes, offset, length);
        out.write(bytes, offset, length);
    }

    private void counted(int length) {
        size += length;
        if (size > maxBytes) {
            throw new MediaTooLargeException(maxBytes);
        }
    }

    long size() {
        return size;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
