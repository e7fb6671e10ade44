package br.com.balcao.tickets;

import java.util.Locale;
import java.util.Optional;

/** A customer's answer to the satisfaction survey: which of its reply buttons they tapped. */
public enum Satisfaction implements SqlEnum {
    GOOD,
    OK,
    BAD;

    /** The answer a {@code tickets.satisfaction} column holds; null when none. */
    public static Satisfaction of(String column) {
        return column == null ? null : valueOf(column);
    }

    /** The answer's part of a button id ({@code csat_<ticketId>_good}). */
    String idPart() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Satisfaction> ofIdPart(String part) {
        for (Satisfaction answer : values()) {
            if (answer.idPart().equals(part)) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }
}
