package br.com.balcao.contacts;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.HtmxRequest;
import br.com.balcao.shared.SpreadsheetCsv.Separator;
import br.com.balcao.security.SelectedNumber;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The selected number's contacts: filtered (the filters live in the URL), paged by keyset, and exported as
 * CSV in the format the import reads. Agents need the CONTACTS permission on the number; managers and admins
 * read the contacts of every number they see.
 */
@Controller
record ContactListController(AccessPolicy access, ContactListing listing, ContactExport export) {

    /** The page, or for htmx (filtering and paging in place) only its content, without the frame. */
    @GetMapping("/contacts")
    String list(@Valid @ModelAttribute("filter") ContactFilter filter, BindingResult errors,
                @RequestParam(required = false) String after, @SelectedNumber NumberView selected,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        NumberView number = access.requireContactReader(selected.id());
        model.addAttribute("number", number);
        model.addAttribute("zone", number.zone());
        model.addAttribute("pagedOn", after != null);
        if (!errors.hasErrors()) {
            ContactListing.Page page = listing.page(number.id(), filter, number.zone(), ContactCursor.parse(after));
            model.addAttribute("contacts", page.rows());
            model.addAttribute("nextCursor", page.next().map(ContactCursor::text).orElse(null));
        } else {
            model.addAttribute("contacts", List.of());
        }
        return HtmxRequest.wantsFragment(request, response) ? "contacts/list :: content" : "contacts/list";
    }

    /** The filtered list as CSV, written row by row as the database hands it over. */
    @GetMapping("/contacts/export")
    void export(@Valid @ModelAttribute ContactFilter filter, BindingResult errors, @RequestParam(defaultValue = "SEMICOLON") Separator separator,
            @SelectedNumber NumberView selected, HttpServletResponse response) throws IOException {
        NumberView number = access.requireContactReader(selected.id());
        if (errors.hasErrors()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("contatos-" + number.id() + ".csv", StandardCharsets.UTF_8).build().toString());
        export.write(number.id(), filter, number.zone(), separator, response.getOutputStream());
    }
}
