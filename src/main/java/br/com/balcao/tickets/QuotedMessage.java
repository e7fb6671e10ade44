package br.com.balcao.tickets;

/**
 * The message another one replies to, as a timeline quotes it above the reply: who wrote it and its first line.
 * {@code quotedId} is null when the quoted message is not one this app holds (older than its records, or
 * never stored); then only "message not available" can be shown. A media message without a text has a null
 * {@code firstLine}, and its {@code type} says what it was.
 */
public record QuotedMessage(long messageId, Long quotedId, AuthorType authorType, String authorName,
        MessageType type, String firstLine) {

    /** How much of the quoted text is shown. */
    static final int MAX_LINE = 120;

    public boolean available() {
        return quotedId != null;
    }

    public boolean byCustomer() {
        return authorType == AuthorType.CUSTOMER;
    }

    /** The first non-blank line of a text, cut at {@link #MAX_LINE} characters; null for no text. */
    public static String firstLineOf(String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return null;
        }
        if (line.length() <= MAX_LINE) {
            return line;
        }
        int end = Character.isLowSurrogate(line.charAt(MAX_LINE)) ? MAX_LINE - 1 : MAX_LINE;
        return line.substring(0, end) + "…";
    }
}
