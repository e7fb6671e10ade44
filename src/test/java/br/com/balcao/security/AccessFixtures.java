package br.com.balcao.security;

import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The people and rows the access tests ask about: a number the tested users belong to ("own") and a number
 * none of them belongs to ("other"), and for every endpoint a fresh {@link World} of objects on each, so
 * that what one endpoint changes or deletes never decides another's outcome.
 */
final class AccessFixtures {

    /** Who asks. The agent without permissions is a member of the own number with none of its permissions. */
    enum Role {
        ANONYMOUS, AGENT_WITHOUT_PERMISSIONS, AGENT, MANAGER, ADMIN
    }

    /** Every object an endpoint may name, all on one number; the ticket is in service by {@code servingAgent}. */
    record World(long number, long contact, long ticket, long message, long afterHoursContact, long contactImport,
                 long transferRequest, long template, long tag, long quickReplyCategory, long quickReply, long user,
                 long holiday, long servingAgent, long colleague, long scheduledMessage) {
    }

    private final JdbcTemplate jdbc;
    private final TestData data;
    private final Clock clock;
    private final AtomicInteger holidays = new AtomicInteger();
    private final Map<Role, UserDetails> signedIn = new EnumMap<>(Role.class);
    private final long ownNumber;
    private final long otherNumber;
    private final long agent;
    private final long colleague;
    private final long otherAgent;
    private final long otherColleague;

    AccessFixtures(JdbcTemplate jdbc, TestData data, Clock clock, AccountDetailsService accounts) {
        this.jdbc = jdbc;
        this.data = data;
        this.clock = clock;
        ownNumber = quietNumber("Matriz própria");
        otherNumber = quietNumber("Matriz alheia");
        agent = member("AGENT", ownNumber);
        colleague = member("AGENT", ownNumber);
        otherAgent = member("AGENT", otherNumber);
        otherColleague = member("AGENT", otherNumber);
        long withoutPermissions = member("AGENT", ownNumber);
        jdbc.update("""
                UPDATE memberships SET can_reply = false, can_active_message = false, can_contacts = false
                 WHERE user_id = ?""", withoutPermissions);
        long manager = member("MANAGER", ownNumber);
        long admin = data.user("ADMIN", data.email("admin"));
        signedIn.put(Role.AGENT_WITHOUT_PERMISSIONS, accounts.loadUserByUsername(emailOf(withoutPermissions)));
        signedIn.put(Role.AGENT, accounts.loadUserByUsername(emailOf(agent)));
        signedIn.put(Role.MANAGER, accounts.loadUserByUsername(emailOf(manager)));
        signedIn.put(Role.ADMIN, accounts.loadUserByUsername(emailOf(admin)));
    }

    /** The principal to sign in as; none for {@link Role#ANONYMOUS}. */
    UserDetails principal(Role role) {
        return signedIn.get(role);
    }

    /** Objects on the number the tested users belong to, the ticket in service by {@link Role#AGENT}. */
    World own() {
        return world(ownNumber, agent, colleague);
    }

    /** Objects on the number none of the tested users belongs to. */
    World other() {
        return world(otherNumber, otherAgent, otherColleague);
    }

    private World world(long number, long servingAgent, long colleague) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        long contact = data.contact(number, "Cliente Matriz " + TestData.unique());
        long ticket = data.ticket(number, contact, "OPEN", servingAgent);
        long message = id("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, media_id,
                                      media_mime_type, wamid, created_at)
                VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', 'IMAGE', 'olá', ?, 'image/jpeg', ?, ?) RETURNING id""",
                number, contact, ticket, "media-" + TestData.unique(), "wamid.matrix" + TestData.unique(), at);
        jdbc.update("UPDATE contacts SET last_inbound_at = ?, last_interaction_at = ? WHERE id = ?", at, at, contact);
        long afterHours = id("""
                INSERT INTO after_hours_contacts (number_id, contact_id, contact_name, phone, first_contact_at,
                                                  next_opening_at, return_requested)
                SELECT number_id, id, name, phone_e164, ?, ?, 'UNKNOWN' FROM contacts WHERE id = ? RETURNING id""",
                at, Timestamp.from(now.plus(Duration.ofHours(12))), contact);
        long contactImport = id("""
                INSERT INTO contact_imports (number_id, user_id, file_name, header, separator, status, total_lines,
                                             created_at)
                VALUES (?, ?, 'matriz.csv', '{name,phone}', ',', 'PREVIEWED', 1, ?) RETURNING id""",
                number, servingAgent, at);
        long transferRequest = id("""
                INSERT INTO transfer_requests (ticket_id, requester_id, current_agent_id, status, created_at)
                VALUES (?, ?, ?, 'PENDING', ?) RETURNING id""", ticket, colleague, servingAgent, at);
        long template = id("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, ?, 'pt_BR', 'UTILITY', 'Olá {{1}}', 'APPROVED') RETURNING id""",
                number, "matriz_" + TestData.unique());
        long tag = id("INSERT INTO tags (name) VALUES (?) RETURNING id", "Matriz " + TestData.unique());
        long category = id("INSERT INTO quick_reply_categories (name) VALUES (?) RETURNING id",
                "Matriz " + TestData.unique());
        long quickReply = id("INSERT INTO quick_replies (category_id, title, body) VALUES (?, 'Oi', 'Olá!') RETURNING id",
                category);
        long user = data.user("AGENT", data.email("matrix"));
        long holiday = id("INSERT INTO number_holidays (number_id, day, name) VALUES (?, ?, 'Feriado') RETURNING id",
                number, LocalDate.of(2030, 1, 1).plusDays(holidays.incrementAndGet()));
        long scheduledMessage = id("""
                INSERT INTO scheduled_messages (number_id, contact_id, author_id, body, first_local, due_at, repetition,
                                                status, created_at)
                VALUES (?, ?, ?, 'Lembrete', ?, ?, 'NONE', 'SCHEDULED', ?) RETURNING id""",
                number, contact, servingAgent, Timestamp.valueOf(java.time.LocalDateTime.of(2030, 1, 1, 9, 0)),
                Timestamp.from(now.plus(Duration.ofDays(365L * 100))), at);
        return new World(number, contact, ticket, message, afterHours, contactImport, transferRequest, template, tag,
                category, quickReply, user, holiday, servingAgent, colleague, scheduledMessage);
    }

    /**
     * What a refused request must leave as it was: the world's rows, and how many rows the tables hold
     * that requests add to.
     */
    String snapshot(World world) {
        return jdbc.queryForObject("""
                SELECT concat_ws(' | ',
                  (SELECT row_to_json(t)::text FROM tickets t WHERE id = ?),
                  (SELECT row_to_json(c)::text FROM contacts c WHERE id = ?),
                  (SELECT row_to_json(n)::text FROM business_numbers n WHERE id = ?),
                  (SELECT row_to_json(r)::text FROM transfer_requests r WHERE id = ?),
                  (SELECT row_to_json(i)::text FROM contact_imports i WHERE id = ?),
                  (SELECT row_to_json(m)::text FROM message_templates m WHERE id = ?),
                  (SELECT row_to_json(g)::text FROM tags g WHERE id = ?),
                  (SELECT row_to_json(q)::text FROM quick_replies q WHERE id = ?),
                  (SELECT row_to_json(u)::text FROM app_users u WHERE id = ?),
                  (SELECT row_to_json(a)::text FROM absences a WHERE number_id = ?),
                  (SELECT count(*) FROM messages WHERE contact_id = ?),
                  (SELECT count(*) FROM notes WHERE contact_id = ? OR ticket_id = ?),
                  (SELECT count(*) FROM ticket_tags WHERE ticket_id = ?),
                  (SELECT count(*) FROM tickets WHERE contact_id = ?),
                  (SELECT count(*) FROM number_holidays WHERE number_id = ?),
                  (SELECT count(*) FROM service_hours WHERE number_id = ?),
                  (SELECT count(*) FROM memberships),
                  (SELECT count(*) FROM app_users),
                  (SELECT count(*) FROM tags),
                  (SELECT count(*) FROM quick_reply_categories),
                  (SELECT count(*) FROM quick_replies),
                  (SELECT count(*) FROM message_templates),
                  (SELECT count(*) FROM business_numbers),
                  (SELECT count(*) FROM contact_imports),
                  (SELECT count(*) FROM agent_status_changes),
                  (SELECT count(*) FROM audit_log))""", String.class,
                world.ticket(), world.contact(), world.number(), world.transferRequest(), world.contactImport(),
                world.template(), world.tag(), world.quickReply(), world.user(), world.number(), world.contact(),
                world.contact(), world.ticket(), world.ticket(), world.contact(), world.number(), world.number());
    }

    /** A number always open, whose sweeps never close a test's tickets however far the clock goes. */
    private long quietNumber(String name) {
        long id = data.openNumber(name + " " + TestData.unique());
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?""", id);
        return id;
    }

    /** A user (OFFLINE, so that distribution gives them nothing) with every permission on the number. */
    private long member(String role, long number) {
        long id = data.user(role, data.email(role.toLowerCase()));
        data.member(id, number);
        return id;
    }

    private String emailOf(long userId) {
        return jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, userId);
    }

    private long id(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }
}
