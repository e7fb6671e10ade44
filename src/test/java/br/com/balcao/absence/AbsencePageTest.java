package br.com.balcao.absence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The absence page: the switch drives the engine at once, the preview is the exact reply, who may change it. */
@IntegrationTest
class AbsencePageTest {

    static final String MESSAGE = "Estamos em inventário hoje.";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    long numberId;
    long carlaId;
    UserDetails admin;
    UserDetails carla;

    @BeforeEach
    void anOpenNumberWithOneAgent() {
        clock.set(TestClock.START);
        numberId = data.openNumber("Ótica " + TestData.unique());
        admin = account("ADMIN", null);
        carla = account("AGENT", numberId);
        carlaId = jdbc.queryForObject("SELECT id FROM app_users WHERE email = ?", Long.class, carla.getUsername());
        jdbc.update("UPDATE app_users SET name = 'Carla Souza' WHERE id = ?", carlaId);
    }

    @Test
    void turningAbsenceOnMakesTheNextInboundMessageGetTheReplyAndTurningItOffStopsIt() throws Exception {
        save(admin, true).andExpect(status().is3xxRedirection());

        String first = customer("Oi");
        String expected = MESSAGE + "\n\nSe preferir, fale com Carla Souza pelo número +55 11 98888-7777.";
        assertThat(absenceReplies(first)).containsExactly(expected);
        assertThat(preview()).contains("Se preferir, fale com Carla Souza pelo número +55 11 98888-7777.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets t JOIN contacts c ON c.id = t.contact_id "
                + "WHERE c.wa_id = ?", Integer.class, first)).isEqualTo(1); // the ticket is still created

        save(admin, false).andExpect(status().is3xxRedirection());
        clock.advance(Duration.ofMinutes(5));
        String second = customer("Olá");
        assertThat(absenceReplies(second)).isEmpty();
    }

    @Test
    void thePageShowsWhoTurnedItOnAndTheHeaderShowsTheBanner() throws Exception {
        Cookie session = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(numberId))
                .param("returnTo", "/").with(user(admin)).with(csrf())).andReturn().getResponse().getCookie("SESSION");
        String off = page("/", session);
        assertThat(off).doesNotContain("id=\"absence-banner\"");

        save(admin, true).andExpect(status().is3xxRedirection());

        assertThat(page("/", session)).contains("id=\"absence-banner\"").contains("Ausência ligada em");
        assertThat(page("/absence", session)).contains("Ligada por Test ADMIN em 16/11/2026 14:00");
    }

    @Test
    void anyAgentOfTheNumberTurnsItOnAndOffAndTheAuditLogSaysWho() throws Exception {
        UserDetails bruno = account("AGENT", numberId);
        jdbc.update("UPDATE app_users SET name = 'Bruno Lima' WHERE email = ?", bruno.getUsername());
        bruno = users.loadUserByUsername(bruno.getUsername());

        save(bruno, true).andExpect(status().is3xxRedirection());
        save(users.loadUserByUsername(carla.getUsername()), false).andExpect(status().is3xxRedirection());

        List<String> rows = jdbc.queryForList("SELECT actor_name || ':' || (new_value ->> 'active') FROM audit_log "
                + "WHERE action = 'absence.updated' AND subject = (SELECT name FROM business_numbers WHERE id = ?) "
                + "ORDER BY id", String.class, numberId);
        assertThat(rows).containsExactly("Bruno Lima:true", "Carla Souza:false");
        Cookie session = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(numberId))
                .param("returnTo", "/").with(user(bruno)).with(csrf())).andReturn().getResponse().getCookie("SESSION");
        String page = mvc.perform(get("/absence").cookie(session).with(user(bruno))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("disabled=\"disabled\"");
    }

    @Test
    void managersOfTheNumberMayChangeItAndOthersDoNotSeeIt() throws Exception {
        UserDetails manager = account("MANAGER", numberId);
        save(manager, true).andExpect(status().is3xxRedirection());

        UserDetails otherManager = account("MANAGER", data.number("Outra"));
        save(otherManager, false).andExpect(status().isNotFound());
    }

    @Test
    void aBadPhoneIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(post("/absence").param("numberId", String.valueOf(numberId)).param("active", "true")
                        .param("message", MESSAGE).param("suggestedPhone", "abc").with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM absences WHERE number_id = ?", Integer.class, numberId))
                .isZero();
    }

    @Test
    void changesAreAudited() throws Exception {
        save(admin, true);
        save(admin, false);

        List<String> rows = jdbc.queryForList("SELECT coalesce(old_value ->> 'active', '-') || '>' || (new_value ->> 'active') "
                + "FROM audit_log WHERE action = 'absence.updated' AND subject = (SELECT name FROM business_numbers "
                + "WHERE id = ?) ORDER BY id", String.class, numberId);
        assertThat(rows).containsExactly("false>true", "true>false");
    }

    private ResultActions save(UserDetails who, boolean active) throws Exception {
        return mvc.perform(post("/absence").param("numberId", String.valueOf(numberId))
                .param("active", String.valueOf(active)).param("message", MESSAGE)
                .param("suggestedUserId", String.valueOf(carlaId)).param("suggestedPhone", "+55 11 98888-7777")
                .with(user(who)).with(csrf()));
    }

    private String preview() throws Exception {
        return mvc.perform(post("/absence/preview").param("numberId", String.valueOf(numberId)).param("message", MESSAGE)
                        .param("suggestedUserId", String.valueOf(carlaId)).param("suggestedPhone", "+55 11 98888-7777")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String path, Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String customer(String text) {
        String waId = TestData.waId();
        Instant now = clock.instant();
        pipeline.receive(numberId, InboundMessage.text("wamid.abs" + TestData.unique(), waId, "Cliente", now, text));
        return waId;
    }

    private List<String> absenceReplies(String waId) {
        return jdbc.queryForList("""
                SELECT m.body FROM messages m JOIN contacts c ON c.id = m.contact_id
                 WHERE c.wa_id = ? AND m.automation = 'ABSENCE' ORDER BY m.id
                """, String.class, waId);
    }

    private UserDetails account(String role, Long memberOf) {
        String email = data.email(role.toLowerCase());
        long id = data.user(role, email);
        if (memberOf != null) {
            data.member(id, memberOf);
        }
        return users.loadUserByUsername(email);
    }
}
