package br.com.balcao.templates;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every number's templates from Meta once a day, on one instance (Meta's webhook keeps statuses current between). */
@Component
class DailyTemplateSync {

    private final TemplateSync sync;

    DailyTemplateSync(TemplateSync sync) {
        this.sync = sync;
    }

    @Scheduled(cron = "${balcao.templates.sync-schedule:0 30 4 * * *}")
    @SchedulerLock(name = "templates-sync", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
    public void syncEveryNumber() {
        sync.syncAll();
    }
}
