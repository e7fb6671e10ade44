package br.com.balcao.shared.database.embedded;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The embedded server's backups as the Settings page shows them: the base backups kept (oldest first), how many are
 * kept at most, the WAL archive's size, and whether a backup is running or the last attempt failed.
 */
public record BackupOverview(Path folder, List<BaseBackup> kept, int keep, long walArchiveBytes,
                             Optional<Instant> runningSince, Optional<Failure> lastFailure) {

    /** A backup attempt that failed, and why, unless a backup succeeded since. */
    public record Failure(Instant at, String reason) {
    }

    public Optional<BaseBackup> latest() {
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
    }
}
