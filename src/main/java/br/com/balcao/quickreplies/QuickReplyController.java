package br.com.balcao.quickreplies;

import br.com.balcao.quickreplies.QuickReplyCatalog.SuggestionGroup;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the composer's {@code /} popup lists, as JSON: the page builds the list from text only, so nothing
 * in a reply is ever read as HTML. Any signed-in user may ask (quick replies belong to no number).
 */
@RestController
record QuickReplyController(QuickReplyCatalog catalog) {

    record Suggestions(String query, List<SuggestionGroup> groups) {
    }

    @GetMapping(path = "/quick-replies/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    Suggestions suggestions(@RequestParam(defaultValue = "") String q) {
        return new Suggestions(q, catalog.suggestions(q));
    }
}
