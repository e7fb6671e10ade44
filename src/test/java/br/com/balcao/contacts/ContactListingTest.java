package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The list with a text filter, whichever way its rows are found: a first walk of the recent contacts that
 * fills the page, a longer walk when the first one found some, every match sorted when the walk finds too few.
 * Each way must give the rows and pages a plain ORDER BY gives, ties on the last interaction included.
 */
@IntegrationTest
class ContactListingTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    @Autowired
    ContactListing listing;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    long number;

    /**
     * 3,000 contacts, two by two on the same minute, the last 300 never in touch. Recife is every 10th (the
     * first walk fills a page), Olinda every 40th (25 in the first walk: a longer one fills it), the document
     * prefix 777 only among the oldest and those never in touch (the walk finds none), "Raríssimo" four
     * contacts far apart (one in the first walk, too few for a longer one).
     */
    @BeforeEach
    void aNumberWithThousandsOfContacts() {
        number = data.number("Lista " + TestData.unique());
        String prefix = "55" + (10 + number % 89);
        jdbc.update("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, city, document, created_at,
                                      last_interaction_at)
                SELECT ?, p.digits,
                       CASE WHEN i IN (5, 1500, 2600, 2900) THEN 'Raríssimo ' ELSE 'Cliente ' END || i,
                       '+' || p.digits, p.digits,
                       CASE WHEN i % 40 = 0 THEN 'Olinda' WHEN i % 10 = 0 THEN 'Recife' ELSE 'Natal' END,
                       CASE WHEN i > 2000 THEN '777' ELSE '1' END || lpad(i::text, 8, '0'),
                       ?, CASE WHEN i <= 2700 THEN ?::timestamptz - make_interval(mins => i / 2) END
                  FROM generate_series(1, 3000) i, LATERAL (SELECT ? || lpad(i::text, 9, '0') AS digits) p
                """, number, Timestamp.from(TestClock.START), Timestamp.from(TestClock.START), prefix);
    }

    @Test
    void aFrequentValueIsFoundByTheFirstWalk() {
        assertListedAsSorted(filter("city", "recife"), "search_fold(city) = 'recife'");
    }

    @Test
    void aRarerValueIsFoundByALongerWalk() {
        assertListedAsSorted(filter("city", "olinda"), "city = 'Olinda'");
    }

    @Test
    void valuesTheWalksDoNotReachAreFoundThroughTheirIndexAndSorted() {
        assertListedAsSorted(filter("document", "777"), "document LIKE '777%'");
        assertListedAsSorted(filter("name", "rarissimo"), "name LIKE 'Raríssimo %'");
    }

    @Test
    void aTextFilterWithinAPeriodKeepsToThePeriod() {
        // The clock's day starts at 03:00 UTC in São Paulo: the contacts of the last 14 hours, not the older ones.
        ContactFilter olindaToday = new ContactFilter(TestClock.START.atZone(ZONE).toLocalDate().toString(), null,
                null, null, null, "olinda", null, null);
        List<Long> listed = allPages(olindaToday);
        assertThat(listed).hasSizeBetween(10, 60).containsExactlyElementsOf(sorted(
                "city = 'Olinda' AND last_interaction_at >= '2026-11-16T03:00:00Z'"));
    }

    private void assertListedAsSorted(ContactFilter filter, String condition) {
        List<Long> expected = sorted(condition);
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(allPages(filter)).containsExactlyElementsOf(expected);
    }

    private List<Long> allPages(ContactFilter filter) {
        List<Long> listed = new ArrayList<>();
        Optional<ContactCursor> after = Optional.empty();
        do {
            ContactListing.Page page = listing.page(number, filter, ZONE, after);
            page.rows().forEach(row -> listed.add(row.id()));
            after = page.next();
        } while (after.isPresent());
        return listed;
    }

    private List<Long> sorted(String condition) {
        return jdbc.queryForList("SELECT id FROM contacts WHERE number_id = ? AND " + condition
                + " ORDER BY last_interaction_at DESC NULLS LAST, id DESC", Long.class, number);
    }

    private static ContactFilter filter(String field, String value) {
        return new ContactFilter(null, null, field.equals("name") ? value : null, null, null,
                field.equals("city") ? value : null, field.equals("document") ? value : null, null);
    }
}
