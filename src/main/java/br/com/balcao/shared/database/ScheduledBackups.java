package br.com.balcao.shared.database;

import br.com.balcao.shared.database.embedded.EmbeddedDatabaseBackups;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/** The embedded database's base backups on their schedule, and a first one as soon as the app is up when there is none. */
class ScheduledBackups {

    private final EmbeddedDatabaseBackups backups;

    ScheduledBackups(EmbeddedDatabaseBackups backups) {
        this.backups = backups;
    }

    @Scheduled(cron = "${balcao.embedded-database.backup.schedule}")
    @SchedulerLock(name = "embedded-database-backup", lockAtMostFor = "PT12H")
    public void takeScheduledBackup() {
        backups.takeBackup();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void takeFirstBackup() {
        backups.startBackupIfNone();
    }
}
