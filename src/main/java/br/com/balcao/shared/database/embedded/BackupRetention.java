package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the newest base backups and the WAL they need: older backups are deleted, and so is the archived WAL from
 * before the start of the oldest backup kept, which no kept backup can use.
 */
final class BackupRetention {

    private static final Logger log = LoggerFactory.getLogger(BackupRetention.class);

    private BackupRetention() {
    }

    static void apply(BackupFolder folder, int keep) throws IOException {
        List<BaseBackup> backups = folder.baseBackups();
        if (backups.isEmpty()) {
            return;
        }
        int surplus = Math.max(0, backups.size() - keep);
        for (BaseBackup old : backups.subList(0, surplus)) {
            Directories.deleteRecursively(old.directory());
            log.info("Deleted the base backup {} (only the newest {} are kept)", old.name(), keep);
        }
        BaseBackup oldestKept = backups.get(surplus);
        int deleted = WalArchive.deleteBefore(folder.walArchive(), oldestKept.startWalFile());
        if (deleted > 0) {
            log.info("Deleted {} archived WAL files from before {}, the first one the oldest backup kept ({}) needs",
                    deleted, oldestKept.startWalFile(), oldestKept.name());
        }
    }
}
