package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Puts a base backup into an empty data directory, ready for the server to replay the WAL archive on it: the
 * request is checked first (the directory empty, the backup there, the archive there), so that a refused restore
 * changes nothing; a restore that fails afterwards is undone by emptying the directory again.
 */
final class BackupRestore {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private BackupRestore() {
    }

    /** Unpacks the backup the request names and writes the recovery settings; returns that backup. */
    static BaseBackup prepare(RestoreRequest request, BackupFolder folder, Path dataDirectory) {
        if (!Directories.isAbsentOrEmpty(dataDirectory)) {
            throw RestoreRequest.refused("the data directory " + dataDirectory + " is not empty. A restore goes into an"
                    + " empty or absent data directory: stop the app, move the directory aside (for example to "
                    + dataDirectory.getFileName() + ".before-restore) and start again with the same options. If it holds"
                    + " an earlier restore's result, start without the restore options");
        }
        BaseBackup backup = request.choose(folder);
        if (!Files.isDirectory(folder.walArchive())) {
            throw RestoreRequest.refused("the WAL archive " + folder.walArchive() + " is missing");
        }
        try {
            Files.createDirectories(dataDirectory);
            if (POSIX) {
                Files.setPosixFilePermissions(dataDirectory, TarExtraction.permissions(0700));
            }
            try (InputStream file = Files.newInputStream(backup.archive());
                 TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
                TarExtraction.extractAll(tar, dataDirectory);
            }
            RecoveryConfigFile.write(dataDirectory, folder.walArchive(), request.targetTime());
        } catch (IOException | RuntimeException e) {
            undo(dataDirectory, e);
            throw new RestoreFailedException("Could not unpack the base backup " + backup.name() + " into " + dataDirectory
                    + "; the directory was emptied again", e);
        }
        return backup;
    }

    /** Empties the data directory again (it may be a mount point: the folder itself stays). */
    static void undo(Path dataDirectory, Exception cause) {
        try {
            Directories.deleteContents(dataDirectory);
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }
}
