package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a running server's data directory into a base backup, leaving out what PostgreSQL's manual says a backup
 * may leave out ("Making a Base Backup Using the Low Level API", and what {@code pg_basebackup} leaves out): files the
 * server rebuilds or that describe the running server only, the contents (not the folders) of pg_wal and of the
 * folders emptied at every start, temporary files, and the server's log. Files that vanish while it runs (a table
 * dropped meanwhile) are left out too: the WAL replayed at restore drops them again.
 */
final class DataDirectoryCopy {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryCopy.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private static final Set<String> LEFT_OUT_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "backup_manifest", "postgresql.auto.conf.tmp", "current_logfiles.tmp", "recovery.signal",
            "standby.signal", RecoveryConfigFile.NAME);
    private static final Set<String> FOLDERS_KEPT_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final String LOG_FOLDER = "log";

    private DataDirectoryCopy() {
    }

    /** Writes the directory's files into the archive; returns the bytes copied. */
    static long copy(Path dataDirectory, TarGzWriter archive) throws IOException {
        long[] copied = {0};
        Files.walkFileTree(dataDirectory, new Directories.SkippingVanishedFiles() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                if (directory.equals(dataDirectory)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = entryName(dataDirectory, directory);
                if (name.equals(LOG_FOLDER) || isTemporary(directory)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                archive.addDirectory(name, mode(directory, 0700), attributes.lastModifiedTime());
                return FOLDERS_KEPT_EMPTY.contains(name) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = entryName(dataDirectory, file);
                if (attributes.isSymbolicLink()) {
                    log.warn("{} is a link (a tablespace?): not in the backup; the app creates no tablespaces", name);
                } else if (attributes.isRegularFile() && !LEFT_OUT_FILES.contains(name) && !isTemporary(file)) {
                    copied[0] += copyFile(archive, file, name, attributes);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return copied[0];
    }

    private static long copyFile(TarGzWriter archive, Path file, String name, BasicFileAttributes attributes)
            throws IOException {
        int mode = mode(file, 0600);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return archive.addFile(name, channel, mode, attributes.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static boolean isTemporary(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith("pgsql_tmp") || name.startsWith("pg_internal.init");
    }

    private static String entryName(Path dataDirectory, Path path) {
        return dataDirectory.relativize(path).toString().replace('\\', '/');
    }

    private static int mode(Path path, int otherwise) throws IOException {
        if (!POSIX) {
            return otherwise;
        }
        try {
            return TarExtraction.mode(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return otherwise;
        }
    }
}
