package br.com.balcao.desk;

import br.com.balcao.tickets.MessageLog;
import br.com.balcao.tickets.MessageReactions;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A timeline page's rows with what they quote and the reactions on them: two statements for the page, whatever
 * its length (the Desk and Conversations draw their timelines through it).
 */
@Component
public class TimelineRows {

    private final MessageLog log;
    private final MessageReactions reactions;

    TimelineRows(MessageLog log, MessageReactions reactions) {
        this.log = log;
        this.reactions = reactions;
    }

    public List<TimelineRow> of(List<TimelineMessage> messages, ZoneId zone) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Long> ids = messages.stream().map(TimelineMessage::id).toList();
        return TimelineRow.of(messages, log.quotedBy(ids), reactions.on(ids), zone);
    }
}
