package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Folders as the embedded server's files need them: emptied, measured, and written to disk for good. */
final class Directories {

    private Directories() {
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /** Deletes what the folder holds and keeps the folder (it may be a mount point). */
    static void deleteContents(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.toList()) {
                deleteRecursively(child);
            }
        }
    }

    static boolean isAbsentOrEmpty(Path directory) {
        if (!Files.exists(directory)) {
            return true;
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + directory, e);
        }
    }

    /** The bytes of the regular files under {@code directory}; files removed while counting are left out. */
    static long size(Path directory) {
        AtomicLong total = new AtomicLong();
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try {
            Files.walkFileTree(directory, new SkippingVanishedFiles() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    total.addAndGet(attributes.isRegularFile() ? attributes.size() : 0);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not measure " + directory, e);
        }
        return total.get();
    }

    /**
     * A walk of a folder the server keeps writing to: a file deleted between being listed and being read (a WAL
     * segment recycled, a temporary file) is passed over; any other failure ends the walk.
     */
    abstract static class SkippingVanishedFiles extends SimpleFileVisitor<Path> {

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }
    }

    /** Flushes a file, or a folder's list of names after a rename, to the disk (a no-op where folders cannot be opened). */
    static void sync(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
        }
    }
}
