package br.com.balcao.conversations;

import br.com.balcao.desk.TimelineRows;
import br.com.balcao.live.LiveStreams;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.tickets.MessageReactions;
import br.com.balcao.tickets.ReadReceipts;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /conversations/{contactId}}: the contact's timeline across tickets, the search inside it, and the
 * composer by the conversation's state. With {@code at}, the timeline opens at that message (a search
 * result); with {@code hl}, the words are marked in the messages that match them.
 */
@Controller
record ConversationController(
        ConversationsAccess access,
        ConversationComposer composer,
        ContactTimeline timeline,
        MessageSearch search,
        LiveStreams streams,
        TicketMarks marks,
        ReadReceipts receipts,
        TimelineRows rows,
        MessageReactions reactions) {

    @GetMapping("/conversations/{contactId}")
    String conversation(@PathVariable long contactId, @RequestParam Optional<Long> at,
                        @RequestParam(defaultValue = "") String hl, Model model) {
        ConversationHeader header = header(contactId);
        TimelineSlice slice = at.map(message -> timeline.around(contactId, message, hl))
                .orElseGet(() -> timeline.latest(contactId, hl));
        model.addAttribute("at", at.orElse(null));
        model.addAttribute("hl", hl.strip());
        addSlice(header, slice, model);
        markRead(header);
        composer.addTo(header, model);
        model.addAttribute("pendingTicket", TicketMarks.withoutMessages(marks.of(contactId)).orElse(null));
        return "conversations/contact";
    }

    /**
     * The timeline's ticket boundaries as they are now: the states of those drawn (out of band) and the mark of
     * the unclosed ticket that has no message yet, at the end.
     */
    @GetMapping("/conversations/{contactId}/tickets")
    String tickets(@PathVariable long contactId, Model model) {
        header(contactId);
        List<TicketMarks.TicketMark> current = marks.of(contactId);
        model.addAttribute("ticketMarks", current);
        model.addAttribute("pendingTicket", TicketMarks.withoutMessages(current).orElse(null));
        return "conversations/contact :: tickets";
    }

    /** With {@code before}, the page to put above that message; with {@code after}, the one below it. */
    @GetMapping("/conversations/{contactId}/timeline")
    String timeline(@PathVariable long contactId, @RequestParam Optional<Long> before,
                    @RequestParam Optional<Long> after, @RequestParam(defaultValue = "") String hl, Model model) {
        ConversationHeader header = header(contactId);
        TimelineSlice slice = before.map(message -> timeline.before(contactId, message, hl))
                .or(() -> after.map(message -> timeline.after(contactId, message, hl)))
                .orElseGet(() -> timeline.latest(contactId, hl));
        model.addAttribute("hl", hl.strip());
        model.addAttribute("direction", before.isPresent() ? "older" : after.isPresent() ? "newer" : "all");
        if (before.isEmpty()) {
            markRead(header);
        }
        addSlice(header, slice, model);
        return "conversations/contact :: slice";
    }

    /** The reactions on one of the contact's messages, as they are now (a reaction came or went). */
    @GetMapping("/conversations/{contactId}/messages/{messageId}/reactions")
    String reactions(@PathVariable long contactId, @PathVariable long messageId, Model model) {
        access.contact(contactId);
        model.addAttribute("messageId", messageId);
        model.addAttribute("reactions", reactions.onMessageOf(contactId, messageId));
        return "fragments/message :: reactions";
    }

    /** The messages of the timeline that match the words, newest first. */
    @GetMapping("/conversations/{contactId}/matches")
    String matches(@PathVariable long contactId, @RequestParam(defaultValue = "") String q, Model model) {
        ConversationHeader header = header(contactId);
        String words = q.strip();
        model.addAttribute("header", header);
        model.addAttribute("q", words);
        model.addAttribute("matches", search.inTimeline(contactId, words));
        return "conversations/contact :: matches";
    }

    @GetMapping("/conversations/{contactId}/composer")
    String composer(@PathVariable long contactId, Model model) {
        return composer.fragment(contactId, model);
    }

    /** Engine and transfer events of the numbers the user may see. */
    @GetMapping("/conversations/events")
    SseEmitter events() throws IOException {
        Set<Long> numbers = access.searchableNumbers().stream().map(NumberView::id).collect(Collectors.toSet());
        return streams.open(event -> numbers.contains(event.numberId()));
    }

    private ConversationHeader header(long contactId) {
        return composer.header(contactId);
    }

    /** The agent serving the contact's ticket has its messages on screen: the customer sees blue ticks. */
    private void markRead(ConversationHeader header) {
        long userId = access.user().id();
        if (header.servedBy(userId)) {
            receipts.markRead(header.ticketId(), userId);
        }
    }

    private void addSlice(ConversationHeader header, TimelineSlice slice, Model model) {
        composer.addResend(header, slice.messages(), model);
        model.addAttribute("header", header);
        model.addAttribute("messages", slice.messages());
        model.addAttribute("rows", rows.of(slice.messages(), header.zone()));
        model.addAttribute("hasOlder", slice.hasOlder());
        model.addAttribute("hasNewer", slice.hasNewer());
    }
}
