package br.com.balcao.audit;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One recorded change, with the fields it changed. */
public record AuditEntry(long id, Instant at, String actorName, String action, String subject,
        Map<String, String> oldValues, Map<String, String> newValues) {

    /** One field's value before and after (empty when the field did not exist on that side). */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    public List<FieldChange> changes() {
        Set<String> fields = new LinkedHashSet<>(oldValues.keySet());
        fields.addAll(newValues.keySet());
        return fields.stream()
                .map(field -> new FieldChange(field, oldValues.getOrDefault(field, ""), newValues.getOrDefault(field, "")))
                .toList();
    }
}
