package br.com.balcao.contacts;

import br.com.balcao.contacts.ImportLine.ImportedContact;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.Phones;
import br.com.balcao.shared.SpreadsheetText;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import of a number's contacts in two steps. The upload is kept in a file of its own and checked: the
 * header, the first lines with their problems, the number of lines. Started, the file is read as a stream
 * (never whole in memory) in batches of {@value #BATCH} lines, one transaction each, so that progress shows
 * as it goes; every rejected line is kept with its number and reason. The run happens on the instance that
 * received the file; when that instance stops mid-way, it goes on from its last batch when it starts again.
 */
@Service
class ContactImports {

    static final int BATCH = 1000;
    static final int PREVIEW_LINES = 20;

    private static final Logger log = LoggerFactory.getLogger(ContactImports.class);

    private final ImportJobs jobs;
    private final ImportBatchWriter writer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Validator validator;
    private final MessageSource messages;
    private final Path directory;
    private final ExecutorService runner = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "contact-import");
        thread.setDaemon(true);
        return thread;
    });

    ContactImports(ImportJobs jobs, ImportBatchWriter writer, TransactionTemplate transactions, Clock clock,
                   ContactsProperties properties, Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
        this.jobs = jobs;
        this.writer = writer;
        this.transactions = transactions;
        this.clock = clock;
        this.directory = properties.importDirectory();
    }

    /** The first lines of an uploaded file, each with what it will become or why it will be rejected. */
    record Preview(ImportJob job, CsvHeader header, List<ImportLine> lines) {
    }

    /** The file cannot be imported at all (not UTF-8, empty, no header): the upload form's error. */
    static final class UnreadableFile extends InvalidInputException {
        UnreadableFile(String key) {
            super(key);
        }
    }

    /**
     * Keeps the upload and records it as a job to preview; refuses a file whose text or header cannot be read.
     * Header problems (no phone column...) are kept to show: such a job cannot be started.
     */
    long upload(long numberId, long userId, MultipartFile upload) {
        try (InputStream content = upload.getInputStream()) {
            return keep(numberId, userId, upload.getOriginalFilename(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long keep(long numberId, long userId, String fileName, InputStream content) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "upload-", ".csv");
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            Scan scan = scan(file);
            long importId = jobs.create(numberId, userId, safeName(fileName), scan.header.names(), scan.separator,
                    scan.lines, clock.instant());
            Files.move(file, fileOf(importId), StandardCopyOption.REPLACE_EXISTING);
            return importId;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The rejected lines as the file had them, plus the reason in the reader's language, to fix and import again:
     * a spreadsheet CSV with the file's separator and header.
     */
    void writeRejected(ImportJob job, Locale locale, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, ContactCsv.format(job.separator()));
        List<String> header = new ArrayList<>(job.header());
        header.add(ContactCsv.REASON_COLUMN);
        printer.printRecord(header.stream().map(SpreadsheetText::safe).toList());
        jobs.rejections(job.id(), Integer.MAX_VALUE, row -> {
            ImportLine line = ImportJobs.rejectedLine(row);
            List<String> values = new ArrayList<>(line.values());
            while (values.size() < job.header().size()) {
                values.add("");
            }
            values.add(messages.getMessage(line.rejection().messageKey(), new Object[] {line.rejection().detail()},
                    locale));
            try {
                printer.printRecord(values.stream().map(SpreadsheetText::safe).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    Preview preview(ImportJob job) {
        List<ImportLine> lines = new ArrayList<>();
        CsvHeader header = CsvHeader.of(job.header());
        if (Files.exists(fileOf(job.id()))) {
            read(job.id(), job.separator(), (number, values) -> {
                lines.add(ImportLine.read(header, number, values, validator));
                return lines.size() < PREVIEW_LINES;
            });
        }
        markDuplicates(lines, new HashMap<>());
        return new Preview(job, header, lines);
    }

    /** Starts the import in the background; false when it had been started already or cannot be. */
    boolean start(ImportJob job) {
        if (!CsvHeader.of(job.header()).importable() || !Files.exists(fileOf(job.id()))
                || !jobs.markRunning(job.id(), clock.instant())) {
            return false;
        }
        runner.execute(() -> run(job));
        return true;
    }

    /**
     * Imports left RUNNING when this instance stopped (their file is here) go on after their last written
     * batch: each batch and its progress are one transaction, so {@code processed} lines are exactly those
     * already written.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        for (ImportJob job : jobs.running()) {
            if (Files.exists(fileOf(job.id()))) {
                log.info("Contact import {} was interrupted after {} of {} lines; going on", job.id(), job.processed(),
                        job.totalLines());
                runner.execute(() -> run(job));
            }
        }
    }

    private void run(ImportJob job) {
        CsvHeader header = CsvHeader.of(job.header());
        Map<String, Integer> firstLineOfPhone = new HashMap<>();
        List<ImportLine> batch = new ArrayList<>(BATCH);
        int[] alreadyWritten = {job.processed()};
        try {
            read(job.id(), job.separator(), (number, values) -> {
                ImportLine line = ImportLine.read(header, number, values, validator);
                if (alreadyWritten[0] > 0) {
                    alreadyWritten[0]--;
                    remember(line, firstLineOfPhone);
                    return true;
                }
                batch.add(line);
                if (batch.size() == BATCH) {
                    write(job, batch, firstLineOfPhone);
                    batch.clear();
                }
                return true;
            });
            write(job, batch, firstLineOfPhone);
            jobs.finish(job.id(), ImportJob.Status.DONE, clock.instant());
        } catch (RuntimeException e) {
            log.error("Contact import {} failed", job.id(), e);
            jobs.finish(job.id(), ImportJob.Status.FAILED, clock.instant());
        } finally {
            deleteFile(job.id());
        }
    }

    private void write(ImportJob job, List<ImportLine> batch, Map<String, Integer> firstLineOfPhone) {
        List<ImportLine> lines = markDuplicates(batch, firstLineOfPhone);
        List<ImportedContact> contacts = lines.stream().filter(ImportLine::valid).map(ImportLine::contact).toList();
        List<ImportLine> rejected = lines.stream().filter(line -> !line.valid()).toList();
        transactions.executeWithoutResult(status -> {
            ImportBatchWriter.Counts counts = writer.write(job.numberId(), contacts, clock.instant());
            jobs.reject(job.id(), rejected);
            jobs.advance(job.id(), lines.size(), counts, rejected.size());
        });
    }

    /** A line written before an interruption, remembered so that later lines with its phone are duplicates. */
    private static void remember(ImportLine line, Map<String, Integer> firstLineOfPhone) {
        if (line.valid()) {
            firstLineOfPhone.putIfAbsent(Phones.whatsAppKey(line.contact().phone().digits()), line.number());
        }
    }

    /** Lines whose phone an earlier line of the file had are rejected as duplicates of that line. */
    private static List<ImportLine> markDuplicates(List<ImportLine> lines, Map<String, Integer> firstLineOfPhone) {
        List<ImportLine> marked = new ArrayList<>(lines.size());
        for (ImportLine line : lines) {
            if (!line.valid()) {
                marked.add(line);
                continue;
            }
            Integer first = firstLineOfPhone.putIfAbsent(Phones.whatsAppKey(line.contact().phone().digits()), line.number());
            marked.add(first == null ? line : line.duplicateOf(first));
        }
        lines.clear();
        lines.addAll(marked);
        return marked;
    }

    /** Receives each data line with its line number (the header is line 1); answers whether to go on. */
    private interface LineHandler {
        boolean accept(int number, List<String> values);
    }

    private void read(long importId, char separator, LineHandler handler) {
        try (BufferedReader reader = ContactCsv.open(fileOf(importId));
             CSVParser parser = ContactCsv.format(separator).parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                records.next();
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!handler.accept(Math.toIntExact(record.getRecordNumber()), record.toList())) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Scan(CsvHeader header, char separator, int lines) {
    }

    /** Reads the whole file once: its text must be UTF-8 and it must have a header row. */
    private static Scan scan(Path file) {
        try (BufferedReader reader = ContactCsv.open(file)) {
            char separator = ContactCsv.separatorOf(reader);
            try (CSVParser parser = ContactCsv.format(separator).parse(reader)) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    throw new UnreadableFile("contacts.import.error.empty");
                }
                List<String> headerRow = records.next().toList();
                requireNoNul(headerRow);
                CsvHeader header = CsvHeader.of(headerRow);
                int lines = 0;
                while (records.hasNext()) {
                    requireNoNul(records.next().toList());
                    lines++;
                }
                return new Scan(header, separator, lines);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableFile("contacts.import.error.unreadable");
        } catch (IllegalStateException e) {
            throw new UnreadableFile("contacts.import.error.malformed");
        }
    }

    /**
     * NUL characters are valid UTF-8 but no text a person typed: they come from UTF-16 files (which a UTF-8
     * read cannot tell apart) and PostgreSQL cannot store them, so such a file is refused as unreadable.
     */
    private static void requireNoNul(List<String> values) {
        if (values.stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
            throw new UnreadableFile("contacts.import.error.unreadable");
        }
    }

    private Path fileOf(long importId) {
        return directory.resolve("import-" + importId + ".csv");
    }

    private void deleteFile(long importId) {
        try {
            Files.deleteIfExists(fileOf(importId));
        } catch (IOException e) {
            log.warn("Could not delete the file of contact import {}", importId, e);
        }
    }

    private static String safeName(String fileName) {
        String typed = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "").strip();
        String name = typed.isEmpty() ? "contatos.csv" : typed;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
