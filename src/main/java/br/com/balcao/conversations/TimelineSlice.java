package br.com.balcao.conversations;

import br.com.balcao.desk.TimelineMessage;
import java.util.List;

/** Consecutive messages of a contact, oldest first, and whether more exist before and after them. */
record TimelineSlice(List<TimelineMessage> messages, boolean hasOlder, boolean hasNewer) {

    boolean isEmpty() {
        return messages.isEmpty();
    }

    Long firstId() {
        return messages.isEmpty() ? null : messages.get(0).id();
    }

    Long lastId() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).id();
    }
}
