package br.com.balcao.numbers;

import br.com.balcao.numbers.NumberSettings.HoursInterval;
import br.com.balcao.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The service hours form's rows as typed: each interval is a day, an opening and a closing time, in the same
 * position of the three lists (a missing list is none).
 */
public record ServiceHoursRows(List<String> day, List<String> opens, List<String> closes) {

    public static final ServiceHoursRows NONE = new ServiceHoursRows(List.of(), List.of(), List.of());

    public ServiceHoursRows {
        day = day == null ? List.of() : day;
        opens = opens == null ? List.of() : opens;
        closes = closes == null ? List.of() : closes;
    }

    /**
     * The intervals the rows describe; a row with both times blank is an empty row and is skipped, and a closing
     * time of 00:00 is the end of the day ({@link NumberSettings#END_OF_DAY}).
     */
    public List<HoursInterval> intervals() {
        if (day.size() != opens.size() || day.size() != closes.size()) {
            throw new InvalidInputException("configuration.numbers.hoursOrder");
        }
        List<HoursInterval> intervals = new ArrayList<>();
        for (int i = 0; i < day.size(); i++) {
            if (opens.get(i).isBlank() && closes.get(i).isBlank()) {
                continue;
            }
            try {
                LocalTime closing = LocalTime.parse(closes.get(i).strip());
                intervals.add(new HoursInterval(DayOfWeek.valueOf(day.get(i)), LocalTime.parse(opens.get(i).strip()),
                        closing.equals(LocalTime.MIDNIGHT) ? NumberSettings.END_OF_DAY : closing));
            } catch (DateTimeParseException | IllegalArgumentException bad) {
                throw new InvalidInputException("configuration.numbers.hoursOrder");
            }
        }
        return intervals;
    }
}
