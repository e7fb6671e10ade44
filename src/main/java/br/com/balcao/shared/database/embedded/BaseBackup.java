package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * One base backup: a folder named after its start time holding the data directory as {@value #ARCHIVE} and this
 * description as {@value #MANIFEST}. The times are the database server's clock, the clock of the commit times a
 * point-in-time restore compares with. {@code startWalFile} is the oldest WAL file the backup needs.
 */
public record BaseBackup(String name, Path directory, Instant started, Instant finished, long archiveBytes,
                         long dataBytes, String startLsn, String startWalFile, String stopLsn) {

    static final String ARCHIVE = "data.tar.gz";
    static final String MANIFEST = "manifest.properties";

    public Duration duration() {
        return Duration.between(started, finished);
    }

    Path archive() {
        return directory.resolve(ARCHIVE);
    }

    static boolean isComplete(Path directory) {
        return Files.isRegularFile(directory.resolve(MANIFEST)) && Files.isRegularFile(directory.resolve(ARCHIVE));
    }

    static BaseBackup read(Path directory) {
        Properties manifest = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            manifest.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest of the backup in " + directory, e);
        }
        return new BaseBackup(directory.getFileName().toString(), directory,
                Instant.parse(manifest.getProperty("started")), Instant.parse(manifest.getProperty("finished")),
                Long.parseLong(manifest.getProperty("archive-bytes")), Long.parseLong(manifest.getProperty("data-bytes")),
                manifest.getProperty("start-lsn"), manifest.getProperty("start-wal-file"), manifest.getProperty("stop-lsn"));
    }

    /** Writes the manifest into {@code directory} (the backup's folder while it is being completed). */
    void writeManifest(Path directory) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("started", started.toString());
        manifest.setProperty("finished", finished.toString());
        manifest.setProperty("archive-bytes", Long.toString(archiveBytes));
        manifest.setProperty("data-bytes", Long.toString(dataBytes));
        manifest.setProperty("start-lsn", startLsn);
        manifest.setProperty("start-wal-file", startWalFile);
        manifest.setProperty("stop-lsn", stopLsn);
        Path file = directory.resolve(MANIFEST);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            manifest.store(writer, "Base backup of Balcão's embedded PostgreSQL; restore it with"
                    + " --balcao.embedded-database.restore.from=" + name);
        }
        Directories.sync(file);
    }
}
