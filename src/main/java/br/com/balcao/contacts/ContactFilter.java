package br.com.balcao.contacts;

import br.com.balcao.contacts.FieldRules.IsoDate;
import br.com.balcao.contacts.FieldRules.PeriodInOrder;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the contacts list, as typed in the URL (so that a filtered view can be bookmarked): a period
 * of last interaction (dates in the number's time zone, both included) and parts of the name, e-mail, phone,
 * city, document, or the exact id. Blank means "any". While a filter is wrong (its rules are
 * the annotations), the list shows nothing.
 */
@PeriodInOrder(message = "{contacts.filter.error.period}")
public record ContactFilter(
        @IsoDate(message = "{contacts.filter.error.date}") String from,
        @IsoDate(message = "{contacts.filter.error.date}") String to,
        String name, String email,
        @Pattern(regexp = "(?s).*\\d.*", message = "{contacts.filter.error.phone}") String phone,
        String city,
        @Pattern(regexp = "(?s).*\\d.*", message = "{contacts.filter.error.document}") String document,
        @Pattern(regexp = "\\d{1,18}", message = "{contacts.filter.error.id}") String id) {

    static final ContactFilter NONE = new ContactFilter(null, null, null, null, null, null, null, null);

    public ContactFilter {
        from = clean(from);
        to = clean(to);
        name = clean(name);
        email = clean(email);
        phone = clean(phone);
        city = clean(city);
        document = clean(document);
        id = clean(id);
    }

    LocalDate fromDate() {
        return FieldRules.date(from);
    }

    LocalDate toDate() {
        return FieldRules.date(to);
    }

    String phoneDigits() {
        return phone == null ? null : digits(phone);
    }

    String documentDigits() {
        return document == null ? null : digits(document);
    }

    Long contactId() {
        return id == null || !id.matches("\\d{1,18}") ? null : Long.valueOf(id);
    }

    boolean hasPeriod() {
        return fromDate() != null || toDate() != null;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The filters as a query string ("?name=ana&city=recife", or "" without filters), for links that keep them. */
    public String query() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        add(uri, "from", from);
        add(uri, "to", to);
        add(uri, "name", name);
        add(uri, "email", email);
        add(uri, "phone", phone);
        add(uri, "city", city);
        add(uri, "document", document);
        add(uri, "id", id);
        String query = uri.build().encode().getQuery();
        return query == null ? "" : "?" + query;
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private static String digits(String value) {
        return value.replaceAll("\\D", "");
    }

    private static String clean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > 254 ? stripped.substring(0, 254) : stripped;
    }
}
