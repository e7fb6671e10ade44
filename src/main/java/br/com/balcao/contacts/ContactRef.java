package br.com.balcao.contacts;

/** A contact as the inbound pipeline needs it. */
public record ContactRef(long id, String name, String phoneE164) {
}
