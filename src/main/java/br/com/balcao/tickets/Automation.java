package br.com.balcao.tickets;

/** The automation that sent a message. */
public enum Automation {
    AFTER_HOURS,
    ABSENCE,
    RETURN_REQUESTED,
    /** The satisfaction survey sent when a ticket closes. */
    SATISFACTION_SURVEY
}
