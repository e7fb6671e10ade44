package br.com.balcao.tickets;

/** Whether a message came from the customer or went to them. */
public enum Direction implements SqlEnum {
    INBOUND,
    OUTBOUND
}
