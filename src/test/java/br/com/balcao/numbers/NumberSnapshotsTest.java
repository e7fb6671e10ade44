package br.com.balcao.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.shared.NotFoundException;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class NumberSnapshotsTest {

    // Monday 23 November 2026, 10:00 in São Paulo.
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T13:00:00Z");

    @Autowired
    NumberSnapshots snapshots;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    long numberId;
    String phoneNumberId;

    @BeforeEach
    void numberOpenOnMondayMornings() {
        numberId = data.number("Ótica");
        phoneNumberId = data.phoneNumberId(numberId);
        jdbc.update("INSERT INTO service_hours (number_id, day_of_week, opens_at, closes_at) VALUES (?, 1, '08:00', '12:00')",
                numberId);
    }

    @Test
    void unchangedSettingsAreNotReadAgain() {
        NumberSnapshot first = snapshots.byPhoneNumberId(phoneNumberId).orElseThrow();

        assertThat(snapshots.byPhoneNumberId(phoneNumberId)).containsSame(first);
        assertThat(snapshots.byId(numberId)).isSameAs(first);
        assertThat(first.nextOpening(MONDAY_MORNING)).contains(MONDAY_MORNING);
    }

    @Test
    void aChangeOfTheNumbersOwnSettingsIsSeenAtOnce() {
        snapshots.byId(numberId);

        jdbc.update("UPDATE business_numbers SET exit_keyword = 'tchau', time_zone = 'America/Manaus' WHERE id = ?",
                numberId);

        NumberSnapshot changed = snapshots.byId(numberId);
        assertThat(changed.rules().exitKeyword()).isEqualTo("tchau");
        assertThat(changed.view().zone().getId()).isEqualTo("America/Manaus");
    }

    @Test
    void serviceHoursAndHolidaysAddedChangedOrRemovedAreSeenAtOnce() {
        assertThat(snapshots.byId(numberId).nextOpening(MONDAY_MORNING)).contains(MONDAY_MORNING);

        jdbc.update("INSERT INTO number_holidays (number_id, day, name) VALUES (?, ?, 'Feriado')", numberId,
                LocalDate.parse("2026-11-23"));
        assertThat(snapshots.byId(numberId).nextOpening(MONDAY_MORNING))
                .contains(Instant.parse("2026-11-30T11:00:00Z"));

        jdbc.update("DELETE FROM number_holidays WHERE number_id = ?", numberId);
        jdbc.update("UPDATE service_hours SET opens_at = '11:00' WHERE number_id = ?", numberId);
        assertThat(snapshots.byId(numberId).nextOpening(MONDAY_MORNING))
                .contains(Instant.parse("2026-11-23T14:00:00Z"));

        jdbc.update("DELETE FROM service_hours WHERE number_id = ?", numberId);
        assertThat(snapshots.byId(numberId).nextOpening(MONDAY_MORNING)).isEmpty();
    }

    @Test
    void anAbsenceTurnedOnOrOffMovesTheVersion() {
        long before = snapshots.byId(numberId).version();

        jdbc.update("INSERT INTO absences (number_id, active, message, started_at) VALUES (?, true, 'Fora', now())",
                numberId);
        long afterOn = snapshots.byId(numberId).version();
        jdbc.update("UPDATE absences SET active = false, started_at = NULL WHERE number_id = ?", numberId);

        assertThat(afterOn).isGreaterThan(before);
        assertThat(snapshots.byId(numberId).version()).isGreaterThan(afterOn);
    }

    @Test
    void anUnknownNumberIsNotFound() {
        assertThat(snapshots.byPhoneNumberId("no-such-number")).isEmpty();
        assertThatThrownBy(() -> snapshots.byId(-1)).isInstanceOf(NotFoundException.class);
    }
}
