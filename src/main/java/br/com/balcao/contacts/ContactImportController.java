package br.com.balcao.contacts;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.security.SelectedNumber;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import br.com.balcao.shared.FormSubmission;
import java.util.Optional;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CSV import pages: upload, preview (step 1), start and progress (step 2, polled by htmx), the summary
 * with the rejected lines and their download. An import belongs to a number: another number's is not found.
 */
@Controller
record ContactImportController(ContactImports imports, ImportJobs jobs, AccessPolicy access) {

    static final int REJECTIONS_SHOWN = 100;

    @GetMapping("/contacts/import")
    String form(@SelectedNumber NumberView selected, Model model) {
        model.addAttribute("number", withContacts(selected));
        model.addAttribute("upload", new Upload(null));
        return "contacts/import";
    }

    /** The upload form: a chosen file. */
    record Upload(MultipartFile file) {

        @AssertTrue(message = "{contacts.import.error.noFile}")
        public boolean isChosen() {
            return file != null && !file.isEmpty();
        }
    }

    @PostMapping("/contacts/import")
    String upload(@Valid @ModelAttribute("upload") Upload upload, BindingResult result,
                  @SelectedNumber NumberView selected, Model model, HttpServletResponse response) {
        NumberView number = withContacts(selected);
        Optional<Long> importId = FormSubmission.result(result, response,
                () -> imports.upload(number.id(), access.currentUser().id(), upload.file()));
        if (importId.isEmpty()) {
            model.addAttribute("number", number);
            return "contacts/import";
        }
        return "redirect:/contacts/import/" + importId.get();
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
        imports.writeRejected(job, locale, response.getOutputStream());
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
