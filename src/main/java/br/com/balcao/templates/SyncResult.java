package br.com.balcao.templates;

import java.util.Map;

/**
 * What a sync from Meta did: the templates the number now has by status, how many it lost and how many of Meta's
 * it could not keep (a category or a body this app does not take); or why nothing was changed ({@code problem},
 * with Meta's own words in {@code detail} when Meta answered).
 */
public record SyncResult(Problem problem, String detail, Map<TemplateStatus, Integer> byStatus, int removed,
        int skipped) {

    /** Why a sync changed nothing. */
    public enum Problem {
        /** The number has no WhatsApp Business Account id. */
        NO_ACCOUNT,
        /** The app sends through the simulated gateway: its templates are local. */
        NOT_CONNECTED,
        /** Meta rejected the access token (code 190). */
        TOKEN,
        /** Meta does not know the account id, or the token may not read it (code 100). */
        ACCOUNT,
        /** Meta could not be reached, or answered something that is not the list. */
        UNREACHABLE,
        /** Meta refused for another reason (its words are in {@code detail}). */
        REFUSED,
        /** The list went on past the page cap, or a page led back to an earlier one. */
        TOO_MANY_PAGES,
        /** Another sync of the number was writing at the same moment. */
        BUSY
    }

    static SyncResult failed(Problem problem, String detail) {
        return new SyncResult(problem, detail, Map.of(), 0, 0);
    }

    public boolean ok() {
        return problem == null;
    }

    /** How many templates the number has after the sync. */
    public int count() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
