package br.com.balcao.conversations;

import br.com.balcao.shared.TimeShown;
import java.time.Instant;
import java.time.ZoneId;

/** One contact found by the search, with where its conversation stands. */
public record ContactHit(long id, String name, String phone, long numberId, String numberName, ZoneId zone,
        Instant lastInteractionAt, ConversationState state, String agentName) {

    /** The last interaction in the number's zone, null when the contact never talked. */
    public String lastInteractionShown() {
        return TimeShown.dateTime(lastInteractionAt, zone);
    }
}
