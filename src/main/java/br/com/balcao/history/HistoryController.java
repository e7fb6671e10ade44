package br.com.balcao.history;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.shared.SpreadsheetCsv.Separator;
import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.TicketStatus;
import br.com.balcao.security.SelectedNumber;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The selected number's tickets of the last months, filtered and paged, their CSV export, and a ticket's PDF. */
@Controller
record HistoryController(
        HistoryQueries queries,
        HistoryWindow window,
        HistoryCsv csv,
        TicketPdf pdf,
        AccessPolicy access) {

    @GetMapping("/history")
    String list(@Valid @ModelAttribute("filter") HistoryFilterForm form, BindingResult errors,
                @SelectedNumber Optional<NumberView> selected, Model model) {
        if (selected.isEmpty()) {
            return "history/history";
        }
        NumberView number = selected.get();
        form.validate(errors);
        model.addAttribute("number", number);
        model.addAttribute("windowStart", window.start(number.zone()).atZone(number.zone()).toLocalDate());
        model.addAttribute("months", window.months());
        model.addAttribute("agents", queries.agents(number.id()));
        model.addAttribute("tags", queries.tags());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("reasons", CloseReason.values());
        if (errors.hasErrors()) {
            return "history/history";
        }
        HistoryFilter filter = form.toFilter();
        HistoryCriteria criteria = window.criteria(number, filter);
        HistoryPage page = queries.page(criteria, form.cursor(), window.pageSize());
        model.addAttribute("page", page);
        model.addAttribute("total", queries.count(criteria));
        model.addAttribute("filtered", !filter.isEmpty());
        model.addAttribute("exportQuery", filter.query());
        if (page.hasNewer()) {
            model.addAttribute("newerQuery", filter.query("newer", page.firstId()));
        }
        if (page.hasOlder()) {
            model.addAttribute("olderQuery", filter.query("older", page.lastId()));
        }
        return "history/history";
    }

    /** The whole filtered list (not only the page shown) as CSV; bad filters go back to the page, which says why. */
    @GetMapping("/history/export.csv")
    void export(@Valid @ModelAttribute("filter") HistoryFilterForm form, BindingResult errors,
                @SelectedNumber Optional<NumberView> selected,
                @RequestParam(defaultValue = "SEMICOLON") Separator separator, HttpServletRequest request,
                HttpServletResponse response, Locale locale) throws IOException {
        form.validate(errors);
        if (selected.isEmpty() || errors.hasErrors()) {
            String query = request.getQueryString();
            response.sendRedirect(request.getContextPath() + "/history" + (query == null ? "" : "?" + query));
            return;
        }
        NumberView number = selected.get();
        String fileName = FileNames.slug(number.name()) + "-history-" + window.today(number.zone()) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        csv.write(window.criteria(number, form.toFilter()), number.zone(), locale, separator, out);
        out.flush();
    }

    /** Any ticket of a number the user may see, whatever its age; another number's ticket is 404 and no PDF. */
    @GetMapping("/history/{ticketId}/pdf")
    void pdf(@PathVariable long ticketId, HttpServletResponse response, Locale locale) throws IOException {
        PdfTicket ticket = pdf.find(ticketId).orElseThrow(() -> new NotFoundException("ticket"));
        access.requireVisible(ticket.numberId());
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(pdf.fileName(ticket)).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = response.getOutputStream();
        pdf.write(ticket, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), locale, out);
        out.flush();
    }
}
