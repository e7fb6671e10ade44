package br.com.balcao.conversations;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.shared.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /conversations}: the search over every number the user may look up, by name or phone
 * ({@code in=contacts}, the default) or by message content ({@code in=messages}). htmx asks for the results
 * alone while the user types.
 */
@Controller
record ConversationSearchController(ConversationsAccess access, ContactSearch contacts, MessageSearch messages) {

    static final int MAX_PAGE = 50;

    @GetMapping("/conversations")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(name = "in", defaultValue = "contacts") String in,
                  @RequestParam(defaultValue = "0") String page, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        List<NumberView> numbers = access.searchableNumbers();
        List<Long> numberIds = numbers.stream().map(NumberView::id).toList();
        boolean inMessages = "messages".equals(in);
        int pageIndex = pageIndex(page);
        SearchQuery query = SearchQuery.of(q);
        model.addAttribute("q", query.text());
        model.addAttribute("inMessages", inMessages);
        model.addAttribute("page", pageIndex);
        model.addAttribute("numbers", numbers);
        if (inMessages) {
            boolean searchable = MessageSearch.searchable(query.text());
            List<MessageHit> hits = searchable ? messages.search(query.text(), numberIds, pageIndex) : List.of();
            addPage(model, hits, MessageSearch.PAGE_SIZE, pageIndex);
            model.addAttribute("tooShort", !query.text().isEmpty() && !searchable);
        } else {
            List<ContactHit> hits = contacts.search(query, numberIds, access.user().id(), pageIndex);
            addPage(model, hits, ContactSearch.PAGE_SIZE, pageIndex);
            model.addAttribute("tooShort", query.kind() == SearchQuery.Kind.TOO_SHORT);
        }
        model.addAttribute("searched", !query.text().isEmpty());
        return HtmxRequest.wantsFragment(request, response) ? "conversations/search :: results"
                : "conversations/search";
    }

    private static void addPage(Model model, List<?> hits, int pageSize, int pageIndex) {
        model.addAttribute("hits", hits.subList(0, Math.min(pageSize, hits.size())));
        model.addAttribute("hasNext", hits.size() > pageSize && pageIndex < MAX_PAGE);
    }

    /** The page asked for, from 0; anything that is not a small number is the first page. */
    private static int pageIndex(String page) {
        try {
            return Math.max(0, Math.min(MAX_PAGE, Integer.parseInt(page.strip())));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
