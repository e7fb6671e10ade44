package br.com.balcao.settings;

import br.com.balcao.security.UserDirectory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the installation still waits for its first admin, whom the first-run setup creates. Once an admin
 * exists it never waits again (the last admin can be neither disabled nor demoted), so that is remembered and
 * pages stop asking the database.
 */
@Component
class FirstRun {

    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    private final UserDirectory users;
    private final boolean enabled;
    private final AtomicBoolean done = new AtomicBoolean();

    FirstRun(UserDirectory users, SetupProperties properties) {
        this.users = users;
        this.enabled = properties.enabled();
    }

    boolean isPending() {
        if (!enabled || done.get()) {
            return false;
        }
        if (users.hasAdmin()) {
            done.set(true);
            return false;
        }
        return true;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhereToStart() {
        if (isPending()) {
            log.warn("No admin yet: every page leads to /setup, where the first visitor creates the first admin");
        }
    }
}
