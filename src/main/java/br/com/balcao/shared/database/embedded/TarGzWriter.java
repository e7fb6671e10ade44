package br.com.balcao.shared.database.embedded;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * A tar.gz file written as a stream: each file goes through a fixed buffer, never whole into memory. A file may
 * change while it is copied (the server keeps writing during a base backup): an entry holds the size the file had
 * when opened, cut or padded with zeros to it, as {@code pg_basebackup} does; the WAL replayed at restore
 * rewrites such pages.
 */
final class TarGzWriter implements AutoCloseable {

    private static final int BUFFER = 256 * 1024;

    private final OutputStream file;
    private final TarArchiveOutputStream tar;
    private final byte[] buffer = new byte[BUFFER];

    TarGzWriter(Path target) throws IOException {
        file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        GzipParameters parameters = new GzipParameters();
        // The fastest level: the default costs far more CPU for a slightly smaller archive (docs/benchmarks.md).
        parameters.setCompressionLevel(Deflater.BEST_SPEED);
        tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(new BufferedOutputStream(file, BUFFER), parameters));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    void addDirectory(String name, int mode, FileTime modified) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode);
        entry.setModTime(modified);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** Copies the open file's bytes up to its size when opened; returns that size. */
    long addFile(String name, FileChannel source, int mode, FileTime modified) throws IOException {
        long size = source.size();
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        entry.setModTime(modified);
        tar.putArchiveEntry(entry);
        InputStream in = Channels.newInputStream(source);
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            tar.write(buffer, 0, read);
            left -= read;
        }
        writeZeros(left);
        tar.closeArchiveEntry();
        return size;
    }

    void addBytes(String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private void writeZeros(long count) throws IOException {
        Arrays.fill(buffer, (byte) 0);
        for (long left = count; left > 0; left -= buffer.length) {
            tar.write(buffer, 0, (int) Math.min(buffer.length, left));
        }
    }

    /** Closes the archive and the compression (also when copying failed, leaving a file to delete). */
    @Override
    public void close() throws IOException {
        try {
            tar.close();
        } finally {
            file.close();
        }
    }
}
