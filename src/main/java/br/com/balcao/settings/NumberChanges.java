package br.com.balcao.settings;

import br.com.balcao.audit.AuditLog;
import br.com.balcao.numbers.ChannelOptions;
import br.com.balcao.numbers.NumberSettings;
import br.com.balcao.numbers.NumberSettings.HolidayView;
import br.com.balcao.numbers.NumberSettings.HoursInterval;
import br.com.balcao.numbers.NumberSettings.NumberForm;
import br.com.balcao.numbers.SurveySettings;
import br.com.balcao.security.SignedInUser;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to numbers, each with its audit row in the same transaction. */
@Service
@Transactional
class NumberChanges {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final NumberSettings numbers;
    private final AuditLog audit;

    NumberChanges(NumberSettings numbers, AuditLog audit) {
        this.numbers = numbers;
        this.audit = audit;
    }

    long create(SignedInUser actor, NumberForm form) {
        long id = numbers.create(form);
        audit.record(actor, "number.created", form.name().strip(), Map.of(), fields(numbers.form(id)));
        return id;
    }

    void update(SignedInUser actor, long numberId, NumberForm form) {
        Map<String, Object> before = fields(numbers.form(numberId));
        numbers.update(numberId, form);
        NumberForm after = numbers.form(numberId);
        audit.record(actor, "number.updated", after.name(), before, fields(after));
    }

    void updateChannelOptions(SignedInUser actor, long numberId, ChannelOptions options) {
        Map<String, Object> before = fields(numbers.channelOptions(numberId));
        numbers.updateChannelOptions(numberId, options);
        audit.record(actor, "number.channelChanged", numbers.form(numberId).name(), before,
                fields(numbers.channelOptions(numberId)));
    }

    void updateSurvey(SignedInUser actor, long numberId, SurveySettings survey) {
        Map<String, Object> before = fields(numbers.survey(numberId));
        numbers.updateSurvey(numberId, survey);
        audit.record(actor, "number.surveyChanged", numbers.form(numberId).name(), before,
                fields(numbers.survey(numberId)));
    }

    void replaceHours(SignedInUser actor, long numberId, List<HoursInterval> intervals) {
        String before = describe(numbers.hours(numberId));
        numbers.replaceHours(numberId, intervals);
        audit.record(actor, "number.hoursChanged", numbers.form(numberId).name(), Map.of("hours", before),
                Map.of("hours", describe(numbers.hours(numberId))));
    }

    void addHoliday(SignedInUser actor, long numberId, LocalDate day, String name) {
        HolidayView holiday = numbers.addHoliday(numberId, day, name);
        audit.record(actor, "number.holidayAdded", numbers.form(numberId).name(), Map.of(),
                Map.of("holiday", holiday.day() + " " + holiday.name()));
    }

    void removeHoliday(SignedInUser actor, long numberId, long holidayId) {
        HolidayView holiday = numbers.removeHoliday(numberId, holidayId);
        audit.record(actor, "number.holidayRemoved", numbers.form(numberId).name(),
                Map.of("holiday", holiday.day() + " " + holiday.name()), Map.of());
    }

    /** "Mon 08:00-12:00, 13:00-18:00; Tue ..." (24:00 for an interval that closes at midnight). */
    static String describe(List<HoursInterval> hours) {
        return hours.stream().collect(Collectors.groupingBy(HoursInterval::day, java.util.TreeMap::new,
                        Collectors.mapping(NumberChanges::describe, Collectors.joining(", "))))
                .entrySet().stream()
                .map(day -> day.getKey().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + day.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String describe(HoursInterval interval) {
        return TIME.format(interval.opens()) + "-" + (interval.closesAtMidnight() ? "24:00" : TIME.format(interval.closes()));
    }

    private static Map<String, Object> fields(ChannelOptions options) {
        return AuditLog.fields("wabaId", options.wabaId(), "readReceipts", options.readReceipts(), "typingIndicator",
                options.typingIndicator(), "signMessages", options.signMessages());
    }

    private static Map<String, Object> fields(SurveySettings survey) {
        return AuditLog.fields("enabled", survey.enabled(), "question", survey.question(), "goodTitle",
                survey.goodTitle(), "okTitle", survey.okTitle(), "badTitle", survey.badTitle(), "commentPrompt", survey.commentPrompt());
    }

    private static Map<String, Object> fields(NumberForm form) {
        return AuditLog.fields("name", form.name(), "displayPhone", form.displayPhone(), "phoneNumberId",
                form.phoneNumberId(), "timeZone", form.zone().getId(), "alwaysOpen", form.alwaysOpen(),
                "afterHoursMessage", form.afterHoursMessage(), "notifyNextOpening", form.notifyNextOpening(),
                "exitKeyword", form.exitKeyword(), "customerInactivityMinutes", form.customerInactivityMinutes(),
                "queueTimeoutMinutes", form.queueTimeoutMinutes());
    }
}
