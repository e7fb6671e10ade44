package br.com.balcao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.security.Role;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log keeps only what changed, only inside the change's transaction, and pages back through everything. */
@IntegrationTest
class AuditLogTest {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    @Test
    void onlyChangedFieldsAreKeptAndANoChangeWritesNothing() {
        String subject = "Etiqueta " + TestData.unique();
        SignedInUser actor = actor();
        transactions.executeWithoutResult(status -> {
            audit.record(actor, "tag.updated", subject, Map.of("name", "A", "color", "#000000"),
                    Map.of("name", "A", "color", "#ffffff"));
            audit.record(actor, "tag.updated", subject, Map.of("name", "A"), Map.of("name", "A"));
        });

        List<AuditEntry> mine = entriesAbout(subject);
        assertThat(mine).singleElement().satisfies(entry -> {
            assertThat(entry.changes()).containsExactly(new AuditEntry.FieldChange("color", "#000000", "#ffffff"));
            assertThat(entry.actorName()).isEqualTo(actor.name());
        });
    }

    @Test
    void aRecordNeedsTheChangesTransaction() {
        assertThatThrownBy(() -> audit.record(actor(), "tag.created", "x", Map.of(), Map.of("name", "x")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void pagesWalkBackwardsWithoutGapsOrRepeats() {
        String subject = "Paginado " + TestData.unique();
        SignedInUser actor = actor();
        // Older than any other test's rows, so that the pages other tests read first are left as they were.
        clock.set(TestClock.START.minus(Duration.ofDays(3650)));
        for (int i = 0; i < 120; i++) {
            int value = i;
            clock.advance(Duration.ofSeconds(i % 2)); // pairs share a timestamp: the id breaks the tie
            transactions.executeWithoutResult(status ->
                    audit.record(actor, "tag.created", subject, Map.of(), Map.of("n", value)));
        }

        List<AuditEntry> walked = allPages();

        assertThat(walked).extracting(AuditEntry::id).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(e -> e.subject().equals(subject)).map(e -> e.newValues().get("n")))
                .containsExactlyElementsOf(IntStream.iterate(119, n -> n - 1).limit(120).mapToObj(String::valueOf)
                        .toList());
    }

    private List<AuditEntry> entriesAbout(String subject) {
        return allPages().stream().filter(e -> e.subject().equals(subject)).toList();
    }

    private List<AuditEntry> allPages() {
        List<AuditEntry> walked = new ArrayList<>();
        AuditPage page = audit.recent(Optional.empty());
        walked.addAll(page.entries());
        while (page.hasMore()) {
            page = audit.recent(Optional.of(page.lastId()));
            walked.addAll(page.entries());
        }
        return walked;
    }

    private SignedInUser actor() {
        String email = data.email("admin");
        return new SignedInUser(data.user("ADMIN", email), "Test ADMIN", email, Role.ADMIN);
    }
}
