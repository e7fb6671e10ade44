package br.com.balcao.templates;

import java.util.Locale;
import java.util.Optional;

/** Meta's review status of a template; only approved templates can be sent. */
public enum TemplateStatus {
    APPROVED,
    PENDING,
    REJECTED,
    /** Meta paused it for low quality (customers blocking or reporting it); it may come back approved. */
    PAUSED,
    /** Meta disabled it after repeated pauses, or its sending limit was exceeded. */
    DISABLED;

    /**
     * The status Meta's word stands for, whether a status of the template list or an event of the status webhook;
     * empty for a template on its way out (PENDING_DELETION, DELETED, ARCHIVED) and for what changes no status
     * (FLAGGED, a quality warning, and any word Meta adds later).
     */
    public static Optional<TemplateStatus> fromMeta(String word) {
        return Optional.ofNullable(switch (word == null ? "" : word.toUpperCase(Locale.ROOT)) {
            case "APPROVED", "REINSTATED", "UNPAUSED" -> APPROVED;
            case "PENDING", "IN_APPEAL" -> PENDING;
            case "REJECTED" -> REJECTED;
            case "PAUSED" -> PAUSED;
            case "DISABLED", "LIMIT_EXCEEDED" -> DISABLED;
            default -> null;
        });
    }

    /** Whether Meta's word says the template is gone or going: it is no longer offered at all. */
    public static boolean removedByMeta(String word) {
        return word != null && switch (word.toUpperCase(Locale.ROOT)) {
            case "PENDING_DELETION", "DELETED", "ARCHIVED" -> true;
            default -> false;
        };
    }
}
