package br.com.balcao.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The name search over thousands of contacts, whichever way a tier's matches are found: the first walk of the
 * recent contacts, a longer walk, or every match sorted. Every page must hold what ranking all the matches
 * (tier, then most recent interaction, then id) puts there, on the searched numbers only.
 */
@IntegrationTest
class ContactSearchPathsTest {

    @Autowired
    ContactSearch search;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    long number;
    long otherNumber;

    /**
     * 5,000 contacts, two by two on the same minute, the last 200 never in touch. "Frequente" starts every 10th
     * name (the first walk fills a page), "Medio" is the surname of every 150th (13 in the first walk: a longer
     * one), "Raro" of seven far apart (the walks find too few: every match, sorted). Another number has its own
     * Frequentes, never shown.
     */
    @BeforeEach
    void thousandsOfContacts() {
        number = data.number("Busca " + TestData.unique());
        otherNumber = data.number("Outra busca " + TestData.unique());
        insertContacts(number, 5000);
        insertContacts(otherNumber, 300);
    }

    @Test
    void aFrequentNameIsFoundByTheFirstWalk() {
        assertPagesAsRanked("frequente", 4);
    }

    @Test
    void aLessFrequentSurnameIsFoundByALongerWalk() {
        assertPagesAsRanked("medio", 3);
    }

    @Test
    void aRareSurnameIsFoundThroughTheNameIndexes() {
        assertPagesAsRanked("raro", 1);
    }

    @Test
    void aPartOfAWordIsFoundInTheThirdTierAfterTheWordStarts() {
        assertPagesAsRanked("edio", 2);
    }

    @Test
    void twoWordsInOrderAreFoundByALongerWalk() {
        assertPagesAsRanked("frequente medio", 2, mostRecent("name LIKE 'Frequente % Medio'"));
    }

    @Test
    void twoWordsInTheOtherOrderAreRankedAtOnceThroughTheNameIndex() {
        assertPagesAsRanked("medio frequente", 2, mostRecent("name LIKE 'Frequente % Medio'"));
    }

    @Test
    void twoRareWordsInTheOtherOrderAreFoundThroughTheNameIndexes() {
        assertPagesAsRanked("raro cliente", 1, mostRecent("name LIKE 'Cliente % Raro'"));
    }

    private void assertPagesAsRanked(String typed, int pages) {
        assertPagesAsRanked(typed, pages, ranked(typed));
    }

    private void assertPagesAsRanked(String typed, int pages, List<Long> expected) {
        List<Long> listed = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            List<ContactHit> hits = search.search(SearchQuery.of(typed), List.of(number), 0L, page);
            hits.stream().limit(ContactSearch.PAGE_SIZE).forEach(hit -> listed.add(hit.id()));
            assertThat(hits.size() > ContactSearch.PAGE_SIZE).isEqualTo(expected.size() > listed.size());
        }
        assertThat(listed).isNotEmpty()
                .containsExactlyElementsOf(expected.subList(0, Math.min(expected.size(), pages * ContactSearch.PAGE_SIZE)));
    }

    /** Every match on the number, by tier (name starts, a word starts, anywhere), then the most recent. */
    private List<Long> ranked(String typed) {
        return jdbc.queryForList("""
                SELECT id FROM contacts, (SELECT search_fold(?) AS term) q
                 WHERE number_id = ? AND search_fold(name) LIKE '%' || q.term || '%'
                 ORDER BY CASE WHEN search_fold(name) LIKE q.term || '%' THEN 0
                               WHEN search_fold(name) LIKE '% ' || q.term || '%' THEN 1 ELSE 2 END,
                          last_interaction_at DESC NULLS LAST, id DESC
                """, Long.class, typed, number);
    }

    /** The matches of one tier, most recent first. */
    private List<Long> mostRecent(String condition) {
        return jdbc.queryForList("SELECT id FROM contacts WHERE number_id = ? AND " + condition
                + " ORDER BY last_interaction_at DESC NULLS LAST, id DESC", Long.class, number);
    }

    private void insertContacts(long numberId, int count) {
        jdbc.update("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at, last_interaction_at)
                SELECT ?, p.digits,
                       CASE WHEN i % 10 = 0 THEN 'Frequente ' ELSE 'Cliente ' END || i
                           || CASE WHEN i IN (7, 1999, 2500, 3001, 4100, 4500, 4950) THEN ' Raro'
                                   WHEN i % 150 = 0 THEN ' Medio' ELSE '' END,
                       '+' || p.digits, p.digits, ?,
                       CASE WHEN i <= ? - 200 THEN ?::timestamptz - make_interval(mins => i / 2) END
                  FROM generate_series(1, ?) i, LATERAL (SELECT ? || lpad(i::text, 9, '0') AS digits) p
                """, numberId, Timestamp.from(TestClock.START), count, Timestamp.from(TestClock.START), count,
                "55" + (10 + numberId % 89));
    }
}
