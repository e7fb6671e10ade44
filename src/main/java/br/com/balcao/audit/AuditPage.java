package br.com.balcao.audit;

import java.util.List;

/** A page of the audit log, newest first; {@code hasMore} when older entries follow. */
public record AuditPage(List<AuditEntry> entries, boolean hasMore) {

    public Long lastId() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).id();
    }
}
