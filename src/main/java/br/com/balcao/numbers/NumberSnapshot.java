package br.com.balcao.numbers;

import java.time.Instant;
import java.util.Optional;

/**
 * A number's settings as of one version of them: what the inbound pipeline needs of the number on every
 * message, kept in memory by {@link NumberSnapshots} until the settings change.
 */
public final class NumberSnapshot {

    private final long version;
    private final NumberView view;
    private final NumberRules rules;
    private final WeeklySchedule schedule;

    NumberSnapshot(long version, NumberView view, NumberRules rules, WeeklySchedule schedule) {
        this.version = version;
        this.view = view;
        this.rules = rules;
        this.schedule = schedule;
    }

    public long id() {
        return view.id();
    }

    /** Moves forward with every change of the number's settings, service hours, holidays or absence. */
    public long version() {
        return version;
    }

    public NumberView view() {
        return view;
    }

    public NumberRules rules() {
        return rules;
    }

    /** As {@link ServiceCalendar#nextOpening}: {@code after} itself when open then, empty when nothing opens. */
    public Optional<Instant> nextOpening(Instant after) {
        return schedule.nextOpening(after);
    }
}
