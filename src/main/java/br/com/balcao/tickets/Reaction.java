package br.com.balcao.tickets;

/**
 * An emoji on a message, by the customer or by the business (one each at most). {@code status} is the business's
 * reaction's way out (PENDING, SENT, FAILED) and null for the customer's.
 */
public record Reaction(long messageId, AuthorType authorType, String emoji, DeliveryStatus status,
        String errorMessage) {

    public boolean failed() {
        return status == DeliveryStatus.FAILED;
    }
}
