package br.com.balcao.history;

import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.TicketStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** The filters in force, all optional and combined with AND. Dates are days in the number's time zone. */
record HistoryFilter(LocalDate from, LocalDate to, Long agentId, TicketStatus status, CloseReason reason,
                     String contact, Long tagId, Long ticketNumber) {

    static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null, null, null, null);

    /** The filters as a query string for a link (page, export), starting with '?' when there are any. */
    String query() {
        return query(parameters());
    }

    /** The same with a page cursor added. */
    String query(String cursorName, long ticketId) {
        Map<String, Object> parameters = parameters();
        parameters.put(cursorName, ticketId);
        return query(parameters);
    }

    boolean isEmpty() {
        return equals(NONE);
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("agent", agentId);
        parameters.put("status", status);
        parameters.put("reason", reason);
        parameters.put("contact", contact);
        parameters.put("tag", tagId);
        parameters.put("ticket", ticketNumber);
        parameters.values().removeIf(Objects::isNull);
        return parameters;
    }

    private static String query(Map<String, Object> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) ->
                query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
        return query.toString();
    }
}
