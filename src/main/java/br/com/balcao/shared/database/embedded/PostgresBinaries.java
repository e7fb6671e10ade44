package br.com.balcao.shared.database.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) shipped in zonky's binaries jar,
 * unpacked once into a folder the app keeps, so that the server it supervises can be started again at any time
 * (a folder under the system's temporary directory may be emptied under a long-running server).
 */
final class PostgresBinaries {

    private static final String COMPLETE_MARKER = ".unpacked";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    /** The archive on the class path cannot change while the app runs: read it through once, not at every start. */
    private static String archiveDigest;

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** The binaries under {@code directory}, unpacked there first unless an earlier start did it already. */
    static synchronized PostgresBinaries in(Path directory) {
        Path home = directory.toAbsolutePath().resolve("postgresql-" + archiveDigest());
        if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
            unpack(home);
        }
        return new PostgresBinaries(home);
    }

    Path program(String name) {
        return home.resolve("bin").resolve(WINDOWS ? name + ".exe" : name);
    }

    /** Names the unpacked folder after the archive's content, so that an upgrade of the binaries unpacks anew. */
    private static String archiveDigest() {
        if (archiveDigest == null) {
            archiveDigest = digestOfArchive();
        }
        return archiveDigest;
    }

    private static String digestOfArchive() {
        try (InputStream archive = archive()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = archive.read(buffer); read >= 0; read = archive.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the embedded PostgreSQL binaries", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream archive() throws IOException {
        return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), System.getProperty("os.arch"));
    }

    private static void unpack(Path home) {
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        try {
            Directories.deleteRecursively(partial);
            Files.createDirectories(partial);
            try (InputStream archive = archive();
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
                TarExtraction.extractAll(tar, partial);
            }
            Files.createFile(partial.resolve(COMPLETE_MARKER));
            Directories.deleteRecursively(home);
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the embedded PostgreSQL into " + home, e);
        }
    }

    /** The system name as zonky's resolver expects it. */
    private static String system() {
        String os = System.getProperty("os.name", "");
        return os.startsWith("Mac") ? "Darwin" : WINDOWS ? "Windows" : "Linux";
    }
}
