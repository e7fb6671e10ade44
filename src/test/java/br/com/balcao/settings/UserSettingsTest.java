package br.com.balcao.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.Permission;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** Users on the settings page: creation with a password, disabling (sessions end), the last admin, memberships. */
@IntegrationTest
class UserSettingsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NumberDirectory numbers;

    UserDetails admin;
    long adminId;

    @BeforeEach
    void anAdmin() {
        String email = data.email("admin");
        adminId = data.user("ADMIN", email);
        admin = users.loadUserByUsername(email);
    }

    @Test
    void aUserCreatedWithAPasswordCanSignIn() throws Exception {
        String email = "nova." + TestData.unique() + "@test.local";
        mvc.perform(post("/settings/users").with(user(admin)).with(csrf()).param("name", "Nova Atendente")
                        .param("email", email.toUpperCase()).param("role", "AGENT").param("ticketSlots", "3")
                        .param("password", "senha-forte-1"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForMap("SELECT name, role, ticket_slots FROM app_users WHERE email = ?", email))
                .containsEntry("name", "Nova Atendente").containsEntry("role", "AGENT").containsEntry("ticket_slots", 3);
        assertThat(signIn(email, "senha-forte-1")).isNotNull();
    }

    @Test
    void aShortPasswordIsRefusedAndNothingIsCreated() throws Exception {
        String email = "curta." + TestData.unique() + "@test.local";
        String page = mvc.perform(post("/settings/users").with(user(admin)).with(csrf()).param("name", "Curta")
                        .param("email", email).param("role", "AGENT").param("ticketSlots", "5").param("password", "123"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("A senha precisa ter pelo menos 8 caracteres.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_users WHERE email = ?", Integer.class, email)).isZero();
    }

    @Test
    void aDisabledUsersSessionEndsAndTheyCannotSignInAgain() throws Exception {
        String email = data.email("agent");
        long agentId = data.user("AGENT", email);
        Cookie session = signIn(email, TestData.PASSWORD);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/settings/users/{id}/enabled", agentId).param("enabled", "false").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class,
                email)).isZero();
        mvc.perform(post("/login").with(csrf()).param("username", email).param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/login?error=disabled"));
    }

    @Test
    void anAdminMayDisableAnotherAdmin() throws Exception {
        long otherAdmin = data.user("ADMIN", data.email("admin"));

        mvc.perform(post("/settings/users/{id}/enabled", otherAdmin).param("enabled", "false").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("SELECT enabled FROM app_users WHERE id = ?", Boolean.class, otherAdmin)).isFalse();
    }

    /** Every other admin of the shared test database is set aside inside this test's transaction, rolled back after. */
    @Test
    @Transactional
    void theLastAdminCanBeNeitherDisabledNorDemoted() throws Exception {
        jdbc.update("UPDATE app_users SET enabled = false WHERE role = 'ADMIN' AND id <> ?", adminId);

        String disabling = mvc.perform(post("/settings/users/{id}/enabled", adminId).param("enabled", "false")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(disabling).contains("Este é o último administrador ativo");

        mvc.perform(post("/settings/users/{id}", adminId).with(user(admin)).with(csrf()).param("name", "Test ADMIN")
                        .param("email", admin.getUsername()).param("role", "MANAGER").param("ticketSlots", "5"))
                .andExpect(status().isUnprocessableContent());

        assertThat(jdbc.queryForMap("SELECT role, enabled FROM app_users WHERE id = ?", adminId))
                .containsEntry("role", "ADMIN").containsEntry("enabled", true);
    }

    @Test
    void membershipsAndPermissionsAreSetPerNumber() throws Exception {
        long north = data.number("Norte");
        long south = data.number("Sul");
        long agentId = data.user("AGENT", data.email("agent"));
        data.member(agentId, south);

        mvc.perform(post("/settings/users/{id}/memberships", agentId).with(user(admin)).with(csrf())
                        .param("member", String.valueOf(north)).param("reply", String.valueOf(north))
                        .param("contacts", String.valueOf(north), String.valueOf(south)))
                .andExpect(status().is3xxRedirection());

        Map<Long, Set<Permission>> permissions = numbers.permissionsOf(agentId);
        assertThat(permissions).containsOnlyKeys(north);
        assertThat(permissions.get(north)).containsExactlyInAnyOrder(Permission.REPLY, Permission.CONTACTS);
        assertThat(jdbc.queryForList("SELECT new_value ->> 'permissions' FROM audit_log "
                + "WHERE action = 'user.membershipChanged' AND subject LIKE ? ORDER BY id", String.class,
                "%@ Norte")).isNotEmpty();
    }

    @Test
    void membershipsNamingSomethingThatIsNotANumberAreRefusedAndNothingChanges() throws Exception {
        long south = data.number("Sul");
        long agentId = data.user("AGENT", data.email("agent"));
        data.member(agentId, south);

        mvc.perform(post("/settings/users/{id}/memberships", agentId).with(user(admin)).with(csrf())
                        .param("member", "Sul").param("reply", String.valueOf(south)))
                .andExpect(status().isUnprocessableContent());

        assertThat(numbers.permissionsOf(agentId)).containsOnlyKeys(south);
    }

    @Test
    void editingAUserIsAuditedWithoutThePassword() throws Exception {
        String email = data.email("agent");
        long agentId = data.user("AGENT", email);

        mvc.perform(post("/settings/users/{id}", agentId).with(user(admin)).with(csrf()).param("name", "Renomeada")
                        .param("email", email).param("role", "MANAGER").param("ticketSlots", "7")
                        .param("password", "outra-senha-9"))
                .andExpect(status().is3xxRedirection());

        Map<String, Object> row = jdbc.queryForMap("SELECT actor_id, old_value::text AS old, new_value::text AS new "
                + "FROM audit_log WHERE action = 'user.updated' AND subject = ?", email);
        assertThat(row.get("actor_id")).isEqualTo(adminId);
        assertThat((String) row.get("old")).contains("\"role\": \"AGENT\"").contains("\"ticketSlots\": \"5\"")
                .doesNotContain("email");
        assertThat((String) row.get("new")).contains("\"name\": \"Renomeada\"").contains("\"password\": \"(changed)\"")
                .doesNotContain("outra-senha");
        assertThat(signIn(email, "outra-senha-9")).isNotNull();
    }

    @Test
    void agentsAndManagersGetForbiddenOnSettings() throws Exception {
        long numberId = data.number("Loja");
        for (String role : new String[] {"AGENT", "MANAGER"}) {
            String email = data.email(role.toLowerCase());
            data.member(data.user(role, email), numberId);
            UserDetails who = users.loadUserByUsername(email);
            for (String path : new String[] {"/settings", "/settings/numbers", "/settings/users", "/settings/templates",
                    "/settings/tags", "/settings/audit"}) {
                mvc.perform(get(path).with(user(who))).andExpect(status().isForbidden());
            }
            mvc.perform(post("/settings/tags").param("name", "x").param("color", "#000000").with(user(who)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }

    private Cookie signIn(String email, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
    }
}
