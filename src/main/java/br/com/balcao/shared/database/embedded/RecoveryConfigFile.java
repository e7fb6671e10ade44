package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one restore, in a file of their own that {@code balcao.conf} includes: where the server fetches
 * archived WAL from and where it stops replaying. With {@code recovery.signal} they make the next start an archive
 * recovery; the file is deleted once the server has been promoted, so that later starts are ordinary.
 */
final class RecoveryConfigFile {

    static final String NAME = "balcao-recovery.conf";
    private static final String SIGNAL = "recovery.signal";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final DateTimeFormatter TARGET = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private RecoveryConfigFile() {
    }

    static void write(Path dataDirectory, Path walArchive, Optional<OffsetDateTime> targetTime) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("restore_command", restoreCommand(walArchive));
        targetTime.ifPresent(time -> {
            settings.put("recovery_target_time", TARGET.format(time));
            settings.put("recovery_target_action", "promote");
        });
        Files.writeString(dataDirectory.resolve(NAME), ServerConfigFiles.render(
                "Written by Balcão for a restore; deleted when the restore is done.", settings), StandardCharsets.UTF_8);
        Files.writeString(dataDirectory.resolve(SIGNAL), "");
    }

    static void remove(Path dataDirectory) throws IOException {
        Files.deleteIfExists(dataDirectory.resolve(NAME));
    }

    /**
     * A copy of {@code <archive>/%f} to {@code %p}, run by the server through the shell: the folder is quoted for the
     * shell, and its {@code %} doubled, since the server replaces {@code %f} and {@code %p} before the shell runs.
     */
    static String restoreCommand(Path walArchive) {
        String folder = walArchive.toAbsolutePath().toString().replace("%", "%%");
        if (WINDOWS) {
            return "copy \"" + folder + "\\%f\" \"%p\"";
        }
        return "cp " + shellQuoted(folder + "/%f") + " '%p'";
    }

    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
