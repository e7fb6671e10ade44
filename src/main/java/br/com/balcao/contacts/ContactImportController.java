package br.com.balcao.contacts;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.shared.SpreadsheetText;
import br.com.balcao.security.SelectedNumber;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CSV import pages: upload, preview (step 1), start and progress (step 2, polled by htmx), the summary
 * with the rejected lines and their download. An import belongs to a number: another number's is not found.
 */
@Controller
class ContactImportController {

    static final int REJECTIONS_SHOWN = 100;

    private final ContactImports imports;
    private final ImportJobs jobs;
    private final AccessPolicy access;
    private final MessageSource messages;

    ContactImportController(ContactImports imports, ImportJobs jobs, AccessPolicy access,
                            MessageSource messages) {
        this.imports = imports;
        this.jobs = jobs;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/contacts/import")
    String form(@SelectedNumber NumberView selected, Model model) {
        model.addAttribute("number", withContacts(selected));
        return "contacts/import";
    }

    @PostMapping("/contacts/import")
    String upload(@RequestParam(required = false) MultipartFile file, @SelectedNumber NumberView selected,
                  Model model,
                  HttpServletResponse response) throws IOException {
        NumberView number = withContacts(selected);
        if (file == null || file.isEmpty()) {
            return refused(number, "contacts.import.error.noFile", model, response);
        }
        try (InputStream content = file.getInputStream()) {
            long importId = imports.upload(number.id(), access.currentUser().id(), file.getOriginalFilename(), content);
            return "redirect:/contacts/import/" + importId;
        } catch (ContactImports.UnreadableFile unreadable) {
            return refused(number, unreadable.getMessage(), model, response);
        }
    }

    @GetMapping("/contacts/import/{importId}")
    String show(@PathVariable long importId, Model model) {
        ImportJob job = visibleJob(importId);
        model.addAttribute("number", access.requireVisible(job.numberId()));
        model.addAttribute("job", job);
        if (job.status() == ImportJob.Status.PREVIEWED) {
            model.addAttribute("preview", imports.preview(job));
        } else {
            addRejections(job, model);
        }
        return "contacts/import-job";
    }

    @PostMapping("/contacts/import/{importId}/start")
    String start(@PathVariable long importId, Model model, HttpServletResponse response) {
        ImportJob job = visibleJob(importId);
        if (!imports.start(job)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("startRefused", true);
            return show(importId, model);
        }
        return "redirect:/contacts/import/" + importId;
    }

    /** The progress bar, polled while the import runs; the summary once it is finished. */
    @GetMapping("/contacts/import/{importId}/progress")
    String progress(@PathVariable long importId, Model model) {
        ImportJob job = visibleJob(importId);
        model.addAttribute("job", job);
        addRejections(job, model);
        return "contacts/import-job :: progress";
    }

    /** The rejected lines as the file had them, plus the reason, to fix and import again. */
    @GetMapping("/contacts/import/{importId}/rejected.csv")
    void rejected(@PathVariable long importId, Locale locale, HttpServletResponse response) throws IOException {
        ImportJob job = visibleJob(importId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("rejeitados-" + job.fileName(), StandardCharsets.UTF_8).build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, ContactCsv.format(job.separator()));
        List<String> header = new ArrayList<>(job.header());
        header.add(ContactCsv.REASON_COLUMN);
        printer.printRecord(header.stream().map(SpreadsheetText::safe).toList());
        jobs.rejections(importId, Integer.MAX_VALUE, row -> {
            ImportLine line = ImportJobs.rejectedLine(row);
            List<String> values = new ArrayList<>(line.values());
            while (values.size() < job.header().size()) {
                values.add("");
            }
            values.add(reason(line, locale));
            try {
                printer.printRecord(values.stream().map(SpreadsheetText::safe).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    private void addRejections(ImportJob job, Model model) {
        List<ImportLine> rejections = new ArrayList<>();
        if (job.finished()) {
            jobs.rejections(job.id(), REJECTIONS_SHOWN, row -> {
                rejections.add(ImportJobs.rejectedLine(row));
            });
        }
        model.addAttribute("rejections", rejections);
    }

    private String reason(ImportLine line, Locale locale) {
        return messages.getMessage(line.rejection().messageKey(), new Object[] {line.rejection().detail()}, locale);
    }

    private String refused(NumberView number, String errorKey, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("number", number);
        model.addAttribute("error", errorKey);
        return "contacts/import";
    }

    private ImportJob visibleJob(long importId) {
        ImportJob job = jobs.find(importId).orElseThrow(() -> new NotFoundException("import"));
        access.require(job.numberId(), Permission.CONTACTS);
        return job;
    }

    private NumberView withContacts(NumberView number) {
        access.require(number.id(), Permission.CONTACTS);
        return number;
    }
}
