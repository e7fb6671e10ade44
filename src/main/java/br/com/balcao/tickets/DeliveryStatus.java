package br.com.balcao.tickets;

/** How far an outbound message has gone. */
public enum DeliveryStatus {
    /** Waiting to be sent (or to be retried). */
    PENDING,
    SENT,
    DELIVERED,
    READ,
    FAILED
}
