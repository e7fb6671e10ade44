package br.com.balcao.conversations;

import br.com.balcao.desk.TimelineMessage;
import java.util.List;

/** Consecutive messages of a contact, oldest first, and whether more exist before and after them. */
record TimelineSlice(List<TimelineMessage> messages, boolean hasOlder, boolean hasNewer) {
}
