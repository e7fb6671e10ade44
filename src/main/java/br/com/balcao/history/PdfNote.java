package br.com.balcao.history;

import java.time.Instant;

/** An internal note on the ticket, printed apart from the conversation. */
record PdfNote(Instant createdAt, String authorName, String body) {
}
