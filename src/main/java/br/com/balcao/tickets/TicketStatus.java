package br.com.balcao.tickets;

/** Where a ticket is in its lifecycle. */
public enum TicketStatus {
    /** In the number's queue, no agent yet. */
    WAITING,
    /** Given to an agent who has not answered yet. */
    ASSIGNED,
    /** The agent has answered: in service. */
    OPEN,
    CLOSED
}
