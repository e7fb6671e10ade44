package br.com.balcao.reports;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SelectedNumber;
import br.com.balcao.shared.SpreadsheetCsv.Separator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The report page and its downloads: each table, and one row per conversation of the period. */
@Controller
record ReportController(ReportQueries queries, ReportCsv csv, ConversationExport conversations, AccessPolicy access,
                        Clock clock) {

    /** What the downloads accept besides the tables of {@link ReportCsv.Table}. */
    static final String CONVERSATIONS = "CONVERSATIONS";

    @GetMapping("/reports")
    String page(@Valid @ModelAttribute("report") ReportForm form, BindingResult errors,
                @SelectedNumber Optional<NumberView> selected, Model model) {
        ReportScope scope = ReportScope.resolve(access, numberOf(form, errors), selected);
        model.addAttribute("scope", scope);
        model.addAttribute("choice", form == null ? ReportForm.Choice.CUSTOM : form.choice());
        model.addAttribute("grouping", form == null ? Grouping.DAY : form.grouping());
        if (form == null) {
            return "reports/report";
        }
        model.addAttribute("filterNumbers", access.visibleNumbers());
        model.addAttribute("choices", ReportForm.Choice.values());
        model.addAttribute("groupings", Grouping.values());
        form.period(today(scope), errors).ifPresent(period -> {
            model.addAttribute("figures", queries.report(scope.ids(), period));
            model.addAttribute("view", new ReportView(period, scope.parameter(), form.choice()));
        });
        return "reports/report";
    }

    /** A table (or the conversations) as CSV; a bad choice goes back to the page, which says why. */
    @GetMapping("/reports/export.csv")
    void export(@Valid @ModelAttribute("report") ReportForm form, BindingResult errors,
                @RequestParam(defaultValue = "PERIODS") String table,
                @RequestParam(defaultValue = "SEMICOLON") Separator separator,
                @SelectedNumber Optional<NumberView> selected, HttpServletRequest request,
                HttpServletResponse response, Locale locale) throws IOException {
        ReportScope scope = ReportScope.resolve(access, numberOf(form, errors), selected);
        Optional<ReportPeriod> period = form == null ? Optional.empty() : form.period(today(scope), errors);
        boolean known = CONVERSATIONS.equals(table)
                || Arrays.stream(ReportCsv.Table.values()).anyMatch(each -> each.name().equals(table));
        if (period.isEmpty() || !known) {
            String query = request.getQueryString();
            response.sendRedirect(request.getContextPath() + "/reports" + (query == null ? "" : "?" + query));
            return;
        }
        String fileName = "report-" + table.toLowerCase(Locale.ROOT) + "-" + period.get().from() + "-"
                + period.get().to() + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (CONVERSATIONS.equals(table)) {
            conversations.write(scope.ids(), period.get(), locale, separator, out);
        } else {
            csv.write(ReportCsv.Table.valueOf(table), queries.report(scope.ids(), period.get()), locale, separator, out);
        }
        out.flush();
    }

    /** The number chosen, also when another field did not convert and left no form (a record is built whole). */
    private static String numberOf(ReportForm form, BindingResult errors) {
        if (form != null) {
            return form.number();
        }
        Object value = errors.getRawFieldValue("number");
        return value == null ? null : value.toString();
    }

    private LocalDate today(ReportScope scope) {
        return clock.instant().atZone(scope.zone()).toLocalDate();
    }
}
