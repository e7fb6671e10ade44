package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder the server archives its finished WAL files into (with {@code basic_archive}): what a restore replays
 * after unpacking a base backup.
 */
final class WalArchive {

    /** A WAL file, the partial last one of a timeline, or a backup's history file; never a timeline's history. */
    private static final Pattern SEGMENT_FILE = Pattern.compile("[0-9A-F]{24}(\\.partial|\\.[0-9A-F]{8}\\.backup)?");

    private WalArchive() {
    }

    /**
     * Deletes the files of the WAL before {@code oldestNeeded}, the first WAL file of the oldest backup kept, as
     * {@code pg_archivecleanup} does: by their position in the WAL, on every timeline, keeping the timelines'
     * history files, which a restore needs to follow them. Returns how many files were deleted.
     */
    static int deleteBefore(Path archive, String oldestNeeded) throws IOException {
        if (!Files.isDirectory(archive)) {
            return 0;
        }
        String position = positionOf(oldestNeeded);
        int deleted = 0;
        try (Stream<Path> files = Files.list(archive)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (SEGMENT_FILE.matcher(name).matches() && positionOf(name).compareTo(position) < 0 && deleteIfThere(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** The log and segment numbers of a WAL file name, without its timeline (its first eight digits). */
    private static String positionOf(String walFileName) {
        return walFileName.substring(8, 24);
    }

    private static boolean deleteIfThere(Path file) throws IOException {
        try {
            return Files.deleteIfExists(file);
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
