package br.com.balcao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

@IntegrationTest
@ActiveProfiles("demo")
class DemoDataTest {

    private static final List<String> TABLES = List.of("business_numbers", "service_hours", "app_users",
            "memberships", "agent_status_changes", "tags", "quick_reply_categories", "quick_replies",
            "message_templates", "absences", "contacts", "tickets", "ticket_tags", "messages", "notes",
            "after_hours_contacts");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    DemoDataLoader loader;

    @Autowired
    Clock clock;

    @Test
    void demoLoginsHaveTheirRolesAndPasswordDemo() {
        Map<String, String> roles = Map.of("admin@demo.local", "ADMIN", "manager@demo.local", "MANAGER",
                "ana@demo.local", "AGENT", "bruno@demo.local", "AGENT", "carla@demo.local", "AGENT",
                "diego@demo.local", "AGENT");
        // Other tests of the demo's context add users of their own, on test.local.
        List<Map<String, Object>> users = jdbc.queryForList(
                "SELECT email, role, password_hash FROM app_users WHERE email LIKE '%@demo.local'");

        assertThat(users).hasSize(6);
        for (Map<String, Object> user : users) {
            assertThat(user.get("role")).isEqualTo(roles.get((String) user.get("email")));
            assertThat(passwordEncoder.matches("demo", (String) user.get("password_hash"))).isTrue();
        }
    }

    @Test
    void numbersHaveTheirCloudApiIds() {
        // The demo's numbers come first; tests sharing this context may add their own after them.
        assertThat(jdbc.queryForList("SELECT name || ' ' || phone_number_id FROM business_numbers ORDER BY id LIMIT 3",
                String.class)).containsExactly("Loja Centro 100000000000001", "Loja Online 100000000000002",
                "Assistência Técnica 100000000000003");
        assertThat(jdbc.queryForObject("SELECT always_open FROM business_numbers WHERE id = 3", Boolean.class))
                .isTrue();
    }

    @Test
    void anaAndBrunoBelongToTheirNumbers() {
        assertThat(numbersOf("ana@demo.local")).containsExactly(1L, 2L);
        assertThat(numbersOf("bruno@demo.local")).containsExactly(2L);
    }

    @Test
    void thousandsOfContactsWithAccentedNamesAndE164Phones() {
        assertThat(count("SELECT count(*) FROM contacts")).isBetween(2_500L, 4_000L);
        assertThat(count("SELECT count(*) FROM contacts WHERE name ~ '[áâãàéêíóôõúçÁÉÍÓÚÂÊÔÃÕÇ]'")).isGreaterThan(100);
        assertThat(count("SELECT count(*) FROM contacts WHERE phone_e164 !~ '^\\+[0-9]+$'")).isZero();
        assertThat(count("SELECT count(*) FROM contacts WHERE name IS NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM contacts WHERE number_id = 1 AND name = 'João Pereira' "
                + "AND phone_e164 = '+5511998871234'")).isOne();
    }

    @Test
    void ticketsInEveryStatusAndCloseReason() {
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM tickets", String.class))
                .containsExactlyInAnyOrder("WAITING", "ASSIGNED", "OPEN", "CLOSED");
        assertThat(jdbc.queryForList("SELECT DISTINCT close_reason FROM tickets WHERE close_reason IS NOT NULL",
                String.class)).containsExactlyInAnyOrder("ATTENDANT", "CLIENT", "CLIENT_INACTIVITY", "TRANSFERRED",
                "LOST", "ABANDONED");
        assertThat(count("SELECT count(*) FROM tickets t JOIN tickets parent ON parent.id = t.parent_ticket_id "
                + "WHERE parent.close_reason = 'TRANSFERRED'")).isPositive();
        assertThat(count("SELECT count(*) FROM tickets WHERE opened_by_active_message")).isPositive();
        assertThat(count("SELECT count(*) FROM tickets WHERE assigned_at < created_at "
                + "OR first_response_at < assigned_at OR closed_at < coalesce(first_response_at, assigned_at, "
                + "created_at)")).isZero();
        assertThat(count("SELECT count(*) FROM tickets t WHERE agent_id IS NOT NULL AND NOT EXISTS (SELECT 1 "
                + "FROM memberships m WHERE m.user_id = t.agent_id AND m.number_id = t.number_id AND m.can_reply)"))
                .isZero();
        assertThat(count("SELECT count(*) FROM business_numbers n "
                + "WHERE pg_sequence_last_value(ticket_number_sequence(n.id)) "
                + "IS DISTINCT FROM (SELECT max(ticket_number) FROM tickets t WHERE t.number_id = n.id)")).isZero();
    }

    @Test
    void messagesSpanTheLastHundredDays() {
        Instant now = clock.instant();
        assertThat(count("SELECT count(*) FROM messages WHERE created_at < ?", at(now.minus(Duration.ofDays(90)))))
                .isPositive();
        assertThat(count("SELECT count(*) FROM messages WHERE created_at > ?", at(now.minus(Duration.ofDays(1)))))
                .isPositive();
        assertThat(count("SELECT count(*) FROM messages WHERE created_at > ?", at(now))).isZero();
        assertThat(count("SELECT count(*) FROM messages_default")).as("every month created before the load").isZero();
    }

    @Test
    void afterHoursContactsInTheLastWeekOnNumbersOneAndTwo() {
        OffsetDateTime weekAgo = at(clock.instant().minus(Duration.ofDays(7)));
        assertThat(jdbc.queryForList("SELECT DISTINCT number_id FROM after_hours_contacts WHERE first_contact_at > ?",
                Long.class, weekAgo)).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void loadingAgainAddsNothing() {
        Map<String, Long> before = counts();

        assertThat(loader.load()).isFalse();

        assertThat(counts()).isEqualTo(before);
    }

    private List<Long> numbersOf(String email) {
        return jdbc.queryForList("SELECT m.number_id FROM memberships m JOIN app_users u ON u.id = m.user_id "
                + "WHERE u.email = ? ORDER BY m.number_id", Long.class, email);
    }

    private Map<String, Long> counts() {
        return TABLES.stream().collect(Collectors.toMap(table -> table,
                table -> count("SELECT count(*) FROM " + table)));
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
