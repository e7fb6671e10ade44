package br.com.balcao.contacts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What other modules know of a contact. */
public record ContactView(long id, long numberId, String name, String phoneE164, String email, String city,
        String document, Map<String, String> extraFields, Instant createdAt, Instant lastInteractionAt,
        Instant lastInboundAt) {

    public ContactView {
        extraFields = extraFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraFields));
    }
}
