package br.com.balcao.numbers;

/** What a member may do on a number. */
public enum Permission {
    /** Receive and answer tickets. */
    REPLY,
    /** Send templates (active messages). */
    ACTIVE_MESSAGE,
    /** See and edit the number's contacts. */
    CONTACTS
}
