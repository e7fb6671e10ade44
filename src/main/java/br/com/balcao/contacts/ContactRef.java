package br.com.balcao.contacts;

/**
 * A contact as the inbound pipeline needs it; {@code isNew} when this message created it (so it has no
 * messages and no tickets yet).
 */
public record ContactRef(long id, String name, String phoneE164, boolean isNew) {
}
