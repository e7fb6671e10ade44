package br.com.balcao.desk;

import br.com.balcao.live.LiveStreams;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The Desk's live stream: every engine event on the numbers the user may see. */
@Controller
record DeskEventsController(LiveStreams streams, AccessPolicy access) {

    @GetMapping("/desk/events")
    SseEmitter events() throws IOException {
        Set<Long> numbers = access.visibleNumbers().stream().map(NumberView::id).collect(Collectors.toSet());
        return streams.open(event -> numbers.contains(event.numberId()));
    }
}
