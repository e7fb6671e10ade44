package br.com.balcao.shared.database.embedded;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What to restore at start: a base backup ({@value #LATEST}, or one by its name) and, optionally, the moment to stop
 * replaying the WAL at; without one, everything the archive holds is replayed.
 */
public record RestoreRequest(String from, Optional<OffsetDateTime> targetTime) {

    public static final String LATEST = "latest";
    static final String FROM_SETTING = "balcao.embedded-database.restore.from";
    static final String TARGET_TIME_SETTING = "balcao.embedded-database.restore.target-time";

    /** The request the two settings make; empty when no restore is asked for. */
    public static Optional<RestoreRequest> of(String from, String targetTime) {
        boolean timed = targetTime != null && !targetTime.isBlank();
        if (from == null || from.isBlank()) {
            if (timed) {
                throw refused(TARGET_TIME_SETTING + " needs " + FROM_SETTING + " (" + LATEST + " or a backup's name)");
            }
            return Optional.empty();
        }
        return Optional.of(new RestoreRequest(from.trim(), timed ? Optional.of(parse(targetTime.trim())) : Optional.empty()));
    }

    /** The backup named, or the newest one that finished before the target time (the newest of all without one). */
    BaseBackup choose(BackupFolder folder) {
        List<BaseBackup> backups = folder.baseBackups();
        if (backups.isEmpty()) {
            throw refused("there is no base backup in " + folder.baseBackupsFolder());
        }
        if (from.equals(LATEST)) {
            return backups.stream().filter(this::finishedBeforeTarget).reduce((older, newer) -> newer)
                    .orElseThrow(() -> refused("no base backup finished before " + targetTime.orElseThrow()
                            + "; the oldest, " + backups.get(0).name() + ", finished at " + backups.get(0).finished()));
        }
        BaseBackup named = folder.find(from).orElseThrow(() -> refused("there is no base backup named '" + from
                + "' in " + folder.baseBackupsFolder() + "; there are " + names(backups) + " (or use " + LATEST + ")"));
        if (!finishedBeforeTarget(named)) {
            throw refused("the base backup " + named.name() + " finished at " + named.finished() + ", after the target time "
                    + targetTime.orElseThrow() + "; choose an older one, or " + LATEST
                    + " for the newest one finished before the target time");
        }
        return named;
    }

    /** What the restore reaches, for the log. */
    String describe() {
        return targetTime.map(time -> "the state at " + time).orElse("the latest state in the WAL archive");
    }

    private boolean finishedBeforeTarget(BaseBackup backup) {
        return targetTime.map(time -> backup.finished().isBefore(time.toInstant())).orElse(true);
    }

    private static OffsetDateTime parse(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw refused(TARGET_TIME_SETTING + "=" + text + " is not a time with its offset from UTC, such as"
                    + " 2026-12-05T10:15:00-03:00");
        }
    }

    private static String names(List<BaseBackup> backups) {
        return backups.stream().map(BaseBackup::name).collect(Collectors.joining(", "));
    }

    static RestoreFailedException refused(String reason) {
        return new RestoreFailedException("Restore refused: " + reason + ". Nothing was changed.");
    }
}
