package br.com.balcao;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.SqlWrites.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader {@link TableOwnershipTests} relies on: what it must take for a write, and what it must not. */
class SqlWritesTests {

    @Test
    void aWriteInATextBlockWithAnAliasIsFound() {
        assertThat(writesIn("""
                jdbc.update(\"""
                        UPDATE contacts c
                           SET last_interaction_at = GREATEST(c.last_interaction_at, ?)
                         WHERE c.id = ?
                        \""", at, contactId);
                """)).containsExactly(new Write("UPDATE", "contacts"));
    }

    @Test
    void aStatementSplitAcrossConcatenatedLiteralsIsReadAsOne() {
        assertThat(writesIn("""
                jdbc.update("update " + "app_users set last_assigned_at = ? where id = ?", now, agentId);
                jdbc.update(\"""
                        UPDATE tickets t
                        \""" + \"""
                           SET status = 'CLOSED'
                        \""");
                """)).containsExactly(new Write("UPDATE", "app_users"), new Write("UPDATE", "tickets"));
    }

    @Test
    void everyKindOfWriteIsFoundInAnyCase() {
        assertThat(SqlWrites.inSql("""
                Insert Into messages (body) VALUES (?);
                delete from only public."Notes" n where n.id = ?;
                MERGE INTO tickets t USING incoming i ON i.id = t.id WHEN MATCHED THEN UPDATE SET status = i.status;
                COPY contacts (name, phone_e164) FROM STDIN;
                TRUNCATE TABLE tags, ticket_tags CASCADE;
                WITH moved AS (UPDATE ONLY after_hours_contacts AS a SET return_requested = 'YES' RETURNING a.id)
                SELECT count(*) FROM moved
                """)).containsExactly(new Write("INSERT", "messages"), new Write("DELETE", "notes"),
                new Write("MERGE", "tickets"), new Write("COPY", "contacts"), new Write("TRUNCATE", "tags"),
                new Write("TRUNCATE", "ticket_tags"), new Write("UPDATE", "after_hours_contacts"));
    }

    @Test
    void anUpsertWritesItsOwnTableOnly() {
        assertThat(SqlWrites.inSql("""
                INSERT INTO login_throttle AS t (throttle_key, failures) VALUES (?, 0)
                ON CONFLICT (throttle_key) DO UPDATE SET failures = t.failures
                RETURNING failures
                """)).containsExactly(new Write("INSERT", "login_throttle"));
    }

    @Test
    void aTableNamedAtRunTimeIsAWriteOfAnUnknownTable() {
        assertThat(writesIn("""
                String sql = "INSERT INTO " + table + " (" + names + ") VALUES " + String.join(", ", tuples);
                jdbc.update("UPDATE %s SET seen = true".formatted(table));
                """)).containsExactly(new Write("INSERT", null), new Write("UPDATE", null));
    }

    @Test
    void rowLocksReadsCommentsConstantsAndProseAreNoWrites() {
        assertThat(writesIn("""
                // UPDATE contacts SET name = ? is done by the owner
                /* DELETE FROM contacts WHERE id = ? */
                char quote = '"';
                jdbc.queryForObject("SELECT id FROM contacts WHERE id = ? FOR UPDATE", Long.class, id);
                jdbc.query(\"""
                        SELECT p.id, 'UPDATE contacts SET x' AS sample -- then UPDATE tickets SET status
                          FROM transfer_requests p WHERE p.status = 'PENDING'
                           FOR UPDATE OF p SKIP LOCKED
                        \""");
                jdbc.query("SELECT id FROM tickets FOR NO KEY UPDATE");
                jdbc.execute("COPY (SELECT * FROM contacts) TO STDOUT");
                jdbc.execute("COPY contacts TO STDOUT");
                log.info("Updated contacts: {}; could not insert into the list or delete from it ({})", n, e);
                """)).isEmpty();
    }

    @Test
    void anEntityWritesTheTablesItMaps() {
        String entity = """
                @Entity
                @Table(name = "tickets")
                class Ticket {
                    @ManyToMany
                    @JoinTable(joinColumns = @JoinColumn(name = "ticket_id"), name = "ticket_tags")
                    Set<Tag> tags;
                }
                """;
        assertThat(SqlWrites.mappedTables(entity)).containsExactly("tickets", "ticket_tags");
        assertThat(SqlWrites.entityNames(entity)).containsExactly("ticket");
        assertThat(SqlWrites.mappedTables("// @Table(name = \"contacts\")\nrecord ContactRow(long id) {}")).isEmpty();
    }

    private static List<Write> writesIn(String java) {
        return SqlWrites.sqlInJava(java).stream().flatMap(sql -> SqlWrites.inSql(sql).stream()).toList();
    }
}
