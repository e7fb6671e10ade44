package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded server's backups are kept: the base backups under {@code base/}, one folder each, named after
 * their start time, and the WAL archive under {@code wal/}, where the server copies each finished WAL file.
 * A backup being written is a {@code .partial} folder, renamed when it is complete.
 */
public final class BackupFolder {

    private static final Logger log = LoggerFactory.getLogger(BackupFolder.class);
    private static final String PARTIAL = ".partial";

    private final Path root;

    public BackupFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path walArchive() {
        return root.resolve("wal");
    }

    Path baseBackupsFolder() {
        return root.resolve("base");
    }

    /** The complete base backups, oldest first. */
    public List<BaseBackup> baseBackups() {
        Path base = baseBackupsFolder();
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(base)) {
            return folders.filter(folder -> !folder.getFileName().toString().endsWith(PARTIAL))
                    .filter(BaseBackup::isComplete)
                    .map(BaseBackup::read)
                    .sorted(Comparator.comparing(BaseBackup::started).thenComparing(BaseBackup::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the backups in " + base, e);
        }
    }

    Optional<BaseBackup> find(String name) {
        return baseBackups().stream().filter(backup -> backup.name().equals(name)).findFirst();
    }

    /** A fresh folder to write the backup {@code name} into; what earlier attempts left unfinished is deleted first. */
    Path startPartial(String name) throws IOException {
        deletePartials();
        Path partial = baseBackupsFolder().resolve(name + PARTIAL);
        Files.createDirectories(partial);
        return partial;
    }

    /** Gives the written backup its name; from then on it is listed. */
    BaseBackup complete(Path partial, String name) throws IOException {
        Path target = baseBackupsFolder().resolve(name);
        Files.move(partial, target);
        Directories.sync(baseBackupsFolder());
        return BaseBackup.read(target);
    }

    /** A name for a backup started at {@code timestamp} that no backup has yet. */
    String unusedName(String timestamp) {
        String name = timestamp;
        for (int suffix = 2; Files.exists(baseBackupsFolder().resolve(name)); suffix++) {
            name = timestamp + "-" + suffix;
        }
        return name;
    }

    private void deletePartials() throws IOException {
        if (!Files.isDirectory(baseBackupsFolder())) {
            return;
        }
        try (Stream<Path> folders = Files.list(baseBackupsFolder())) {
            for (Path partial : folders.filter(folder -> folder.getFileName().toString().endsWith(PARTIAL)).toList()) {
                log.info("Deleting {}, left by a backup that did not finish", partial);
                Directories.deleteRecursively(partial);
            }
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
