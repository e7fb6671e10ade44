package br.com.balcao.tickets;

/** Who wrote a message. */
public enum AuthorType implements SqlEnum {
    CUSTOMER,
    /** An agent, named by the message's author user id. */
    AGENT,
    /** One of the automations (after hours, absence, ...). */
    AUTOMATION,
    SYSTEM
}
