package br.com.balcao.absence;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
@Transactional
class AbsencePersistenceTest {

    @Autowired
    AbsenceRepository absences;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long numberId;
    long managerId;
    long suggestedId;
    Instant now;

    @BeforeEach
    void createNumberAndUsers() {
        now = clock.instant();
        numberId = jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id)
                VALUES ('Loja', '+55 11 4000-0000', ?) RETURNING id
                """, Long.class, UUID.randomUUID().toString());
        managerId = newUser("MANAGER");
        suggestedId = newUser("AGENT");
    }

    @Test
    void absenceIsKeyedByItsNumberAndPersistsWithAllItsFields() {
        Absence absence = new Absence(numberId);
        absence.configure("Estamos em treinamento hoje.", suggestedId, "Carla", "+55 11 98888-7777");
        absence.start(managerId, now);
        absences.saveAndFlush(absence);
        entityManager.clear();

        Absence read = absences.findById(numberId).orElseThrow();
        assertThat(read.getNumberId()).isEqualTo(numberId);
        assertThat(read.isActive()).isTrue();
        assertThat(read.getMessage()).isEqualTo("Estamos em treinamento hoje.");
        assertThat(read.getSuggestedName()).isEqualTo("Carla");
        assertThat(read.getSuggestedPhone()).isEqualTo("+55 11 98888-7777");
        assertThat(row()).containsEntry("suggested_user_id", suggestedId)
                .containsEntry("started_at", Timestamp.from(now)).containsEntry("started_by_id", managerId);

        read.stop();
        absences.saveAndFlush(read);
        entityManager.clear();
        assertThat(absences.findById(numberId)).get().extracting(Absence::isActive).isEqualTo(false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM absences WHERE number_id = ?", Long.class, numberId))
                .isEqualTo(1);
    }

    @Test
    void newAbsenceIsOffWithAnEmptyMessage() {
        absences.saveAndFlush(new Absence(numberId));
        entityManager.clear();

        Absence read = absences.findById(numberId).orElseThrow();
        assertThat(read.isActive()).isFalse();
        assertThat(read.getMessage()).isEmpty();
        assertThat(row()).containsEntry("suggested_user_id", null).containsEntry("started_at", null);
    }

    /** The columns the absence pages read in SQL. */
    private Map<String, Object> row() {
        return jdbc.queryForMap("SELECT suggested_user_id, started_at, started_by_id FROM absences WHERE number_id = ?",
                numberId);
    }

    private long newUser(String role) {
        return jdbc.queryForObject("""
                INSERT INTO app_users (name, email, password_hash, role) VALUES ('Pessoa', ?, '{noop}x', ?)
                RETURNING id
                """, Long.class, UUID.randomUUID() + "@test.example", role);
    }
}
