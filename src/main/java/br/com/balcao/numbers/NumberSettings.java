package br.com.balcao.numbers;

import static br.com.balcao.shared.InvalidInputException.label;
import static br.com.balcao.shared.InvalidInputException.requiredText;

import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing numbers from the settings page: their fields, weekly service hours, holidays and memberships.
 * Nothing here is cached: the engine reads the rows on each message, so a change applies to the next one.
 */
@Service
@Transactional
public class NumberSettings {

    /**
     * An interval that closes at midnight (typed as 00:00) is stored closing at the day's last second, and
     * runs to the end of the day (see {@link WeeklySchedule.Interval#contains}); a closing time with a
     * fraction of a second would be rounded to 00:00 by the time column.
     */
    public static final LocalTime END_OF_DAY = WeeklySchedule.Interval.END_OF_DAY;

    /** A WhatsApp Business Account id: digits only, as business_numbers.waba_id's check has it. */
    public static final String WABA_ID_DIGITS = "[0-9]{1,64}";
    private static final Pattern WABA_ID = Pattern.compile(WABA_ID_DIGITS);

    private final BusinessNumberRepository numbers;
    private final ServiceHourRepository serviceHours;
    private final HolidayRepository holidays;
    private final MembershipRepository memberships;
    private final Clock clock;

    NumberSettings(BusinessNumberRepository numbers, ServiceHourRepository serviceHours, HolidayRepository holidays,
            MembershipRepository memberships, Clock clock) {
        this.numbers = numbers;
        this.serviceHours = serviceHours;
        this.holidays = holidays;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** A number's editable fields. */
    public record NumberForm(String name, String displayPhone, String phoneNumberId, ZoneId zone, boolean alwaysOpen,
            String afterHoursMessage, boolean notifyNextOpening, String exitKeyword, int customerInactivityMinutes,
            int queueTimeoutMinutes) {
    }

    /** One opening interval, [opens, closes) in the number's time zone. */
    public record HoursInterval(DayOfWeek day, LocalTime opens, LocalTime closes) {

        public boolean closesAtMidnight() {
            return closes.equals(END_OF_DAY);
        }
    }

    public record HolidayView(long id, LocalDate day, String name) {
    }

    @Transactional(readOnly = true)
    public NumberForm form(long numberId) {
        return number(numberId).toForm();
    }

    /** The weekly intervals, by day and opening time. */
    @Transactional(readOnly = true)
    public List<HoursInterval> hours(long numberId) {
        return serviceHours.findByNumberId(numberId).stream()
                .map(h -> new HoursInterval(h.getDay(), h.getOpensAt(), h.getClosesAt()))
                .sorted(Comparator.comparing(HoursInterval::day).thenComparing(HoursInterval::opens))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<HolidayView> holidays(long numberId) {
        return holidays.findByNumberIdOrderByDayAsc(numberId).stream()
                .map(h -> new HolidayView(h.getId(), h.getDay(), h.getName())).toList();
    }

    public long create(NumberForm form) {
        BusinessNumber number = new BusinessNumber(clock.instant());
        number.apply(checked(form));
        return save(number).getId();
    }

    public void update(long numberId, NumberForm form) {
        BusinessNumber number = number(numberId);
        number.apply(checked(form));
        save(number);
    }

    /** The number's WhatsApp options. */
    @Transactional(readOnly = true)
    public ChannelOptions channelOptions(long numberId) {
        return number(numberId).channelOptions();
    }

    /**
     * Changes the number's WhatsApp options: its WhatsApp Business Account id (digits, as Meta shows it; blank for
     * none) and the read receipts, typing indicator and signature switches.
     */
    public void updateChannelOptions(long numberId, ChannelOptions options) {
        String wabaId = options.wabaId() == null || options.wabaId().isBlank() ? null : options.wabaId().strip();
        if (wabaId != null && !WABA_ID.matcher(wabaId).matches()) {
            throw new InvalidInputException("configuration.numbers.wabaIdDigits").about("wabaId");
        }
        BusinessNumber number = number(numberId);
        number.apply(new ChannelOptions(numberId, wabaId, options.readReceipts(), options.typingIndicator(),
                options.signMessages()));
        numbers.saveAndFlush(number);
    }

    /** The number's satisfaction survey. */
    @Transactional(readOnly = true)
    public SurveySettings survey(long numberId) {
        return number(numberId).survey();
    }

    /**
     * Changes the number's satisfaction survey. Switched on, it needs a question and at least one button, and
     * WhatsApp refuses two buttons with the same title.
     */
    public void updateSurvey(long numberId, SurveySettings survey) {
        String question = survey.question() == null ? "" : survey.question().strip();
        if (survey.enabled() && question.isEmpty()) {
            throw new InvalidInputException("configuration.numbers.surveyQuestionRequired").about("question");
        }
        List<String> titles = survey.titles().stream().filter(Objects::nonNull).toList();
        if (survey.enabled() && titles.isEmpty()) {
            throw new InvalidInputException("configuration.numbers.surveyButtonRequired").about("goodTitle");
        }
        if (titles.stream().map(title -> title.toLowerCase(Locale.ROOT)).distinct().count() < titles.size()) {
            throw new InvalidInputException("configuration.numbers.surveyTitlesDistinct").about("goodTitle");
        }
        List<String> all = survey.titles();
        BusinessNumber number = number(numberId);
        number.apply(new SurveySettings(survey.enabled(), question.isEmpty() ? SurveySettings.DEFAULT.question() : question,
                orEmpty(all.get(0)), orEmpty(all.get(1)), orEmpty(all.get(2)),
                survey.commentPrompt() == null ? "" : survey.commentPrompt().strip()));
        numbers.saveAndFlush(number);
    }

    private static String orEmpty(String title) {
        return title == null ? "" : title;
    }

    /** Replaces the week's intervals; on one day they may not overlap. */
    public void replaceHours(long numberId, List<HoursInterval> intervals) {
        number(numberId);
        Map<DayOfWeek, List<HoursInterval>> byDay = intervals.stream()
                .collect(Collectors.groupingBy(HoursInterval::day));
        byDay.values().forEach(NumberSettings::requireNoOverlap);
        serviceHours.deleteByNumberId(numberId);
        serviceHours.flush();
        serviceHours.saveAll(intervals.stream()
                .map(i -> new ServiceHour(numberId, i.day(), i.opens(), i.closes())).toList());
        serviceHours.flush();
    }

    public HolidayView addHoliday(long numberId, LocalDate day, String rawName) {
        number(numberId);
        String name = rawName == null ? "" : rawName.strip();
        if (day == null) {
            throw new InvalidInputException("configuration.form.required", label("configuration.numbers.holidayDay"));
        }
        if (name.isEmpty() || name.length() > 80) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.numbers.holidayName"));
        }
        Holiday holiday = InvalidInputException.unlessDuplicate(
                () -> holidays.saveAndFlush(new Holiday(numberId, day, name)),
                "configuration.numbers.holidayDuplicate", day);
        return new HolidayView(holiday.getId(), day, name);
    }

    public HolidayView removeHoliday(long numberId, long holidayId) {
        Holiday holiday = holidays.findById(holidayId).filter(h -> h.getNumberId() == numberId)
                .orElseThrow(() -> new NotFoundException("holiday"));
        holidays.delete(holiday);
        return new HolidayView(holidayId, holiday.getDay(), holiday.getName());
    }

    /** Makes the user a member with these permissions, or removes them from the number when {@code member} is false. */
    public void setMembership(long userId, long numberId, boolean member, Set<Permission> permissions) {
        number(numberId);
        Membership.Key key = new Membership.Key(userId, numberId);
        if (!member) {
            memberships.deleteById(key);
            return;
        }
        memberships.save(new Membership(userId, numberId, permissions));
    }

    private static void requireNoOverlap(List<HoursInterval> day) {
        List<HoursInterval> sorted = day.stream().sorted(Comparator.comparing(HoursInterval::opens)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            HoursInterval interval = sorted.get(i);
            if (!interval.opens().isBefore(interval.closes())) {
                throw new InvalidInputException("configuration.numbers.hoursOrder");
            }
            if (i > 0 && sorted.get(i - 1).closes().isAfter(interval.opens())) {
                throw new InvalidInputException("configuration.numbers.hoursOverlap");
            }
        }
    }

    private static NumberForm checked(NumberForm form) {
        requiredText(form.name(), 80, "configuration.numbers.name");
        requiredText(form.displayPhone(), 32, "configuration.numbers.displayPhone");
        requiredText(form.phoneNumberId(), 64, "configuration.numbers.phoneNumberId");
        requiredText(form.exitKeyword(), 40, "configuration.numbers.exitKeyword");
        if (form.zone() == null) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.numbers.zone"));
        }
        if (form.customerInactivityMinutes() < 1 || form.customerInactivityMinutes() > 10_080) {
            throw new InvalidInputException("configuration.form.invalid",
                    label("configuration.numbers.customerInactivity"));
        }
        if (form.queueTimeoutMinutes() < 1 || form.queueTimeoutMinutes() > 10_080) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.numbers.queueTimeout"));
        }
        return new NumberForm(form.name().strip(), form.displayPhone().strip(), form.phoneNumberId().strip(),
                form.zone(), form.alwaysOpen(), form.afterHoursMessage() == null ? "" : form.afterHoursMessage().strip(),
                form.notifyNextOpening(), form.exitKeyword().strip(), form.customerInactivityMinutes(),
                form.queueTimeoutMinutes());
    }

    private BusinessNumber number(long numberId) {
        return numbers.findById(numberId).orElseThrow(() -> new NotFoundException("number " + numberId));
    }

    private BusinessNumber save(BusinessNumber number) {
        return InvalidInputException.unlessDuplicate(() -> numbers.saveAndFlush(number),
                "configuration.numbers.phoneNumberIdTaken");
    }
}
