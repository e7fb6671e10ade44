package br.com.balcao.tickets;

/** A reply button of an interactive message: the id WhatsApp sends back when tapped, and the title shown. */
public record ReplyButton(String id, String title) {
}
