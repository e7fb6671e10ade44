package br.com.balcao.tickets;

/** The ticket's agent is writing a reply: WhatsApp may show the customer "typing…" under their latest message. */
public record AgentTyping(long numberId, long ticketId, String latestInboundWamid) {
}
