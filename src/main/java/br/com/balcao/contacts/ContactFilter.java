package br.com.balcao.contacts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the contacts list, as typed in the URL (so that a filtered view can be bookmarked): a period
 * of last interaction (dates in the number's time zone, both included) and parts of the name, e-mail, phone,
 * city, document, or the exact id. Blank means "any".
 */
public record ContactFilter(String from, String to, String name, String email, String phone, String city,
        String document, String id) {

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
        return date(from);
    }

    LocalDate toDate() {
        return date(to);
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

    /** Filter name to the message key of its problem; while there is one, the list shows nothing. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (from != null && fromDate() == null) {
            errors.put("from", "contacts.filter.error.date");
        }
        if (to != null && toDate() == null) {
            errors.put("to", "contacts.filter.error.date");
        }
        if (fromDate() != null && toDate() != null && toDate().isBefore(fromDate())) {
            errors.put("to", "contacts.filter.error.period");
        }
        if (phone != null && phoneDigits().isEmpty()) {
            errors.put("phone", "contacts.filter.error.phone");
        }
        if (document != null && documentDigits().isEmpty()) {
            errors.put("document", "contacts.filter.error.document");
        }
        if (id != null && contactId() == null) {
            errors.put("id", "contacts.filter.error.id");
        }
        return errors;
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

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
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
