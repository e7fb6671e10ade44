package br.com.balcao.numbers;

/**
 * A number's WhatsApp options: its WhatsApp Business Account id (where its templates live; null until an admin
 * gives it), whether customers see blue ticks and "typing…" when an agent reads and writes, and whether each
 * agent message is signed with the agent's name.
 */
public record ChannelOptions(long numberId, String wabaId, boolean readReceipts, boolean typingIndicator,
        boolean signMessages) {
}
