package br.com.balcao.absence;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The absence module's facade for pages: a number's absence when it is on. */
@Service
@Transactional(readOnly = true)
public class AbsenceSettings {

    private final JdbcTemplate jdbc;

    AbsenceSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The number's absence when it is on: the header's banner on every page, so one plain statement. */
    public Optional<AbsenceView> active(long numberId) {
        return jdbc.query("""
                SELECT number_id, message, suggested_user_id, suggested_name, suggested_phone, started_at,
                       started_by_id
                  FROM absences WHERE number_id = ? AND active
                """, (row, i) -> new AbsenceView(row.getLong("number_id"), true, row.getString("message"),
                        row.getObject("suggested_user_id", Long.class), row.getString("suggested_name"),
                        row.getString("suggested_phone"), row.getTimestamp("started_at").toInstant(),
                        row.getObject("started_by_id", Long.class)), numberId).stream().findFirst();
    }
}
