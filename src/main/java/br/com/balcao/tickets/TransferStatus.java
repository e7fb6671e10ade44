package br.com.balcao.tickets;

/** The state of an agent's request to take over another agent's ticket. */
public enum TransferStatus implements SqlEnum {
    PENDING,
    ACCEPTED,
    DECLINED
}
