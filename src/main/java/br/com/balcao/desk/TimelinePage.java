package br.com.balcao.desk;

import java.util.List;

/** A page of a ticket's timeline, oldest first, and whether older messages exist before it. */
record TimelinePage(List<TimelineMessage> messages, boolean hasOlder) {
}
