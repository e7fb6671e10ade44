package br.com.balcao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migrations, run on the context's empty database, leave the schema the application expects. */
@IntegrationTest
class SchemaTest {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMigrationIsAppliedAndNonePending() {
        var info = flyway.info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied()).isNotEmpty().allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
    }

    @Test
    void theSearchExtensionsAreEnabled() {
        assertThat(jdbc.queryForList("SELECT extname FROM pg_extension", String.class))
                .contains("pg_trgm", "unaccent");
    }

    @Test
    void searchFoldingIgnoresAccentsAndCase() {
        assertThat(jdbc.queryForObject("SELECT search_fold('JOÃO Conceição Araújo')", String.class))
                .isEqualTo("joao conceicao araujo");
    }

    @Test
    void messageContentIsIndexedForFullTextSearchWithoutAccents() {
        assertThat(jdbc.queryForObject(
                "SELECT to_tsvector('portuguese', search_fold('Qual é o prazo de entrega?')) @@ "
                        + "plainto_tsquery('portuguese', search_fold('PRAZO entrega'))", Boolean.class))
                .isTrue();
    }
}
