package br.com.balcao.conversations;

/** PRODUCT.md's five composers of the contact page, decided by who serves the contact and the window. */
public enum ComposerState {
    /** In service by the user, window open: the text composer. */
    TEXT,
    /** In service by the user, window expired: the notice and the active message component. */
    EXPIRED,
    /** Not in service (with history): the active message component, needed to resume. */
    ACTIVE_MESSAGE,
    /** Nothing within the retention period: a dialog, then the active message flow. */
    NO_HISTORY,
    /** In service by another agent: no composer, "being served by", "Request transfer". */
    OTHER_AGENT;

    static ComposerState of(ConversationHeader header, long userId, boolean windowOpen) {
        if (header.servedBy(userId)) {
            return windowOpen ? TEXT : EXPIRED;
        }
        if (header.inService()) {
            return OTHER_AGENT;
        }
        return header.hasHistory() ? ACTIVE_MESSAGE : NO_HISTORY;
    }
}
