package br.com.balcao.tickets;

/** The kind of content a message carries. */
public enum MessageType implements SqlEnum {
    TEXT,
    IMAGE,
    AUDIO,
    VIDEO,
    DOCUMENT,
    LOCATION,
    TEMPLATE
}
