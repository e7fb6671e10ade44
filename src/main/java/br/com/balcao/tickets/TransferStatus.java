package br.com.balcao.tickets;

/** The state of an agent's request to take over another agent's ticket. */
public enum TransferStatus {
    PENDING,
    ACCEPTED,
    DECLINED
}
