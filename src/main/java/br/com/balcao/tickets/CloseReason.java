package br.com.balcao.tickets;

/** Why a ticket was closed. */
public enum CloseReason {
    /** The agent closed it. */
    ATTENDANT,
    /** The customer sent the exit keyword. */
    CLIENT,
    /** The customer stopped answering. */
    CLIENT_INACTIVITY,
    /** Closed to continue as a new ticket with another agent. */
    TRANSFERRED,
    /** Nobody took it from the queue in time. */
    LOST,
    /** The customer left before being served. */
    ABANDONED
}
