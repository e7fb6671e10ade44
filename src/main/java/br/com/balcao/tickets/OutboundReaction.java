package br.com.balcao.tickets;

/**
 * An agent's reaction to send after commit, announced as an event: the emoji (empty to take the reaction back)
 * on the customer's message {@code messageWamid}. {@code reactionId} names the stored reaction whose result the
 * send records, and is null for a removal (no row is left to record it on).
 */
public record OutboundReaction(Long reactionId, long numberId, String recipientWaId, String messageWamid,
        String emoji) {

    public boolean removal() {
        return emoji.isEmpty();
    }
}
