package br.com.balcao.numbers;

import br.com.balcao.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers module's facade: which numbers exist and who belongs to which. Every page asks it (the header,
 * the access checks), so it reads with plain SQL, much cheaper here than the JPA repositories (docs/benchmarks.md,
 * "Fragments, after a second profile").
 */
@Service
public class NumberDirectory {

    private static final String VIEW_COLUMNS = "n.id, n.name, n.display_phone, n.phone_number_id, n.time_zone";

    private static final String CHANNEL_OPTIONS =
            "SELECT id, waba_id, read_receipts, typing_indicator, sign_messages FROM business_numbers";

    private final BusinessNumberRepository numbers;
    private final JdbcTemplate jdbc;

    NumberDirectory(BusinessNumberRepository numbers, JdbcTemplate jdbc) {
        this.numbers = numbers;
        this.jdbc = jdbc;
    }

    public List<NumberView> all() {
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM business_numbers n ORDER BY n.name, n.id",
                NumberDirectory::view);
    }

    /** The numbers a user is a member of, by name. */
    public List<NumberView> numbersOf(long userId) {
        return jdbc.query("SELECT " + VIEW_COLUMNS + """
                 FROM business_numbers n JOIN memberships m ON m.number_id = n.id
                WHERE m.user_id = ? ORDER BY n.name, n.id
                """, NumberDirectory::view, userId);
    }

    public Optional<NumberView> find(long numberId) {
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM business_numbers n WHERE n.id = ?", NumberDirectory::view,
                numberId).stream().findFirst();
    }

    /** The settings the automation and the ticket engine act on; an unknown number is a {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public NumberRules rules(long numberId) {
        return numbers.findById(numberId).map(BusinessNumber::toRules)
                .orElseThrow(() -> new NotFoundException("Number " + numberId));
    }

    /** The number's WhatsApp options; an unknown number is a {@link NotFoundException}. */
    public ChannelOptions channelOptions(long numberId) {
        return jdbc.query(CHANNEL_OPTIONS + " WHERE id = ?", NumberDirectory::channelOptions, numberId).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("Number " + numberId));
    }

    /** The number's satisfaction survey; an unknown number is a {@link NotFoundException}. */
    public SurveySettings survey(long numberId) {
        return jdbc.query("""
                SELECT survey_enabled, survey_question, survey_good_title, survey_ok_title, survey_bad_title,
                       survey_comment_prompt
                  FROM business_numbers WHERE id = ?
                """, (row, i) -> new SurveySettings(row.getBoolean(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6)), numberId).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("Number " + numberId));
    }

    /** The WhatsApp options of every number, by number id. */
    public List<ChannelOptions> allChannelOptions() {
        return jdbc.query(CHANNEL_OPTIONS + " ORDER BY id", NumberDirectory::channelOptions);
    }

    /** The members of a number, each with their permissions there. */
    public Map<Long, Set<Permission>> membersOf(long numberId) {
        return permissions("user_id", "number_id", numberId);
    }

    /** A user's permissions on each number they belong to. */
    public Map<Long, Set<Permission>> permissionsOf(long userId) {
        return permissions("number_id", "user_id", userId);
    }

    private Map<Long, Set<Permission>> permissions(String keyColumn, String whereColumn, long id) {
        Map<Long, Set<Permission>> permissions = new HashMap<>();
        jdbc.query("SELECT " + keyColumn + ", can_reply, can_active_message, can_contacts FROM memberships WHERE "
                + whereColumn + " = ?", row -> {
            permissions.put(row.getLong(keyColumn), Permission.of(row.getBoolean("can_reply"),
                    row.getBoolean("can_active_message"), row.getBoolean("can_contacts")));
        }, id);
        return permissions;
    }

    private static ChannelOptions channelOptions(ResultSet row, int index) throws SQLException {
        return new ChannelOptions(row.getLong("id"), row.getString("waba_id"), row.getBoolean("read_receipts"),
                row.getBoolean("typing_indicator"), row.getBoolean("sign_messages"));
    }

    private static NumberView view(ResultSet row, int index) throws SQLException {
        return new NumberView(row.getLong("id"), row.getString("name"), row.getString("display_phone"),
                row.getString("phone_number_id"), ZoneId.of(row.getString("time_zone")));
    }
}
