package br.com.balcao.scheduling;

/** Where a scheduled message stands; a repeating one stays SCHEDULED between its occurrences. */
public enum ScheduleStatus {
    SCHEDULED, SENT, SKIPPED, CANCELLED
}
