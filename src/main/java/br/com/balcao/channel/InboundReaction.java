package br.com.balcao.channel;

import java.time.Instant;

/**
 * A customer's reaction as the webhook delivered it: {@code emoji} on the message WhatsApp knows as {@code
 * messageWamid}, or, null, the reaction taken back. It is a mark on that message, not a message of its own.
 */
record InboundReaction(String wamid, String fromWaId, String messageWamid, String emoji, Instant at) {
}
