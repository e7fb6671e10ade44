package br.com.balcao.history;

import java.util.List;

/** One page of the list, newest first, and whether there are newer or older tickets beyond it. */
record HistoryPage(List<HistoryRow> rows, boolean hasNewer, boolean hasOlder) {

    Long firstId() {
        return rows.isEmpty() ? null : rows.get(0).id();
    }

    Long lastId() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
    }
}
