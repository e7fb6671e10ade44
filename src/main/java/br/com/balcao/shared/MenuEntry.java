package br.com.balcao.shared;

/**
 * One page in the side menu "Service". Each module that owns a page declares its entry as a bean, so the
 * layout lists exactly the pages that exist, in {@code order}, to the users allowed to open them.
 */
public record MenuEntry(String path, String icon, String labelKey, int order, Audience audience) {

    /** Who sees the entry; the page itself still checks access. */
    public enum Audience {
        EVERYONE,
        /** Those who may read the contacts of the number chosen in the header. */
        CONTACT_READERS,
        MANAGERS,
        ADMINS
    }

    public boolean isActive(String currentUri) {
        return currentUri.equals(path) || currentUri.startsWith(path + "/");
    }
}
