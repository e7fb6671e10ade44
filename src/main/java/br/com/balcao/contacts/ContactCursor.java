package br.com.balcao.contacts;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the contacts list starts: just after this contact in the list's order (last interaction,
 * newest first, contacts without any interaction last; then id). Written in the URL as {@code micros.id}
 * (PostgreSQL keeps microseconds),
 * or {@code n.id} for a contact without interaction.
 */
record ContactCursor(Instant lastInteractionAt, long id) {

    private static final Pattern TEXT = Pattern.compile("(n|-?\\d{1,19})\\.(\\d{1,19})");

    static Optional<ContactCursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            Instant at = matcher.group(1).equals("n") ? null : fromMicros(Long.parseLong(matcher.group(1)));
            return Optional.of(new ContactCursor(at, Long.parseLong(matcher.group(2))));
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
    }

    static ContactCursor after(ContactRow row) {
        return new ContactCursor(row.lastInteractionAt(), row.id());
    }

    boolean inWithoutInteraction() {
        return lastInteractionAt == null;
    }

    String text() {
        return (lastInteractionAt == null ? "n" : Long.toString(micros(lastInteractionAt))) + "." + id;
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
