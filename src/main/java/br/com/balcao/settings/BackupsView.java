package br.com.balcao.settings;

import br.com.balcao.shared.database.embedded.BackupOverview;
import br.com.balcao.shared.database.embedded.BackupOverview.Failure;
import br.com.balcao.shared.database.embedded.BaseBackup;
import java.time.Instant;
import java.util.Locale;

/** What the backups tab shows of the embedded database's backups, sizes written for people. */
record BackupsView(String folder, Last last, int kept, int keep, String walArchiveSize, Instant runningSince,
                   Failure failure) {

    /** The newest base backup: when it finished, its size on disk and how long it took. */
    record Last(String name, Instant finished, String size, long seconds) {
    }

    static BackupsView of(BackupOverview overview, Locale locale) {
        Last last = overview.latest().map(backup -> last(backup, locale)).orElse(null);
        return new BackupsView(overview.folder().toString(), last, overview.kept().size(), overview.keep(),
                readableSize(overview.walArchiveBytes(), locale), overview.runningSince().orElse(null),
                overview.lastFailure().orElse(null));
    }

    public boolean running() {
        return runningSince != null;
    }

    private static Last last(BaseBackup backup, Locale locale) {
        return new Last(backup.name(), backup.finished(), readableSize(backup.archiveBytes(), locale),
                Math.max(1, backup.duration().toSeconds()));
    }

    /** 950 kB, 3.6 MB, 12.4 GB (decimal units, as disks are sold and sized). */
    static String readableSize(long bytes, Locale locale) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < units.length - 1) {
            size /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(locale, "%.1f %s", size, units[unit]);
    }
}
