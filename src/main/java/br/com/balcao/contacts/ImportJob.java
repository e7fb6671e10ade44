package br.com.balcao.contacts;

import java.time.Instant;
import java.util.List;

/** One CSV import as its pages show it: the file, its header, where the run is and what it did so far. */
record ImportJob(long id, long numberId, long userId, String fileName, List<String> header, char separator,
        Status status, int totalLines, int processed, int created, int updated, int unchanged, int rejected,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    enum Status {
        PREVIEWED, RUNNING, DONE, FAILED
    }

    /** Percentage of the lines processed, 0 to 100. */
    public int percent() {
        return totalLines == 0 ? (status == Status.DONE ? 100 : 0) : Math.min(100, processed * 100 / totalLines);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
