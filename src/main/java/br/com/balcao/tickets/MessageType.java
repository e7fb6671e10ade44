package br.com.balcao.tickets;

/** The kind of content a message carries. */
public enum MessageType implements SqlEnum {
    TEXT,
    IMAGE,
    AUDIO,
    VIDEO,
    DOCUMENT,
    LOCATION,
    TEMPLATE,
    STICKER,
    /** Contact cards (vCards) the customer shared; they are in the message's payload. */
    CONTACTS,
    /** A type WhatsApp delivered but this app does not show (its name is in the payload). */
    UNSUPPORTED
}
