package br.com.balcao.live;

/**
 * An event as every instance receives it: its kind (the engine event's name, e.g. "MessageReceived"),
 * the number it concerns, and the ids that pages use to decide what to refresh.
 */
public record LiveEvent(String kind, long numberId, Long contactId, Long ticketId, Long messageId, Long agentId) {
}
