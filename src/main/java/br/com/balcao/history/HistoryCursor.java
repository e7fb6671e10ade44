package br.com.balcao.history;

/** Where a page of the list starts (keyset paging on the tickets' creation time and id). */
record HistoryCursor(Long ticketId, boolean older) {

    static final HistoryCursor NEWEST = new HistoryCursor(null, true);

    static HistoryCursor olderThan(long ticketId) {
        return new HistoryCursor(ticketId, true);
    }

    static HistoryCursor newerThan(long ticketId) {
        return new HistoryCursor(ticketId, false);
    }

    boolean isNewest() {
        return ticketId == null;
    }
}
