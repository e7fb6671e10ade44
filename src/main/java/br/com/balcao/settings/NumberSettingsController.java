package br.com.balcao.settings;

import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberSettings.HoursInterval;
import br.com.balcao.numbers.NumberSettings.NumberForm;
import br.com.balcao.numbers.NumberSettings;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.settings.FormAttempt.Context;
import br.com.balcao.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The numbers tab: a number's fields, its weekly service hours and its holidays. */
@Controller
class NumberSettingsController {

    private static final String VIEW = "settings/numbers";
    /** What a new number starts with, here and at the first-run setup. */
    static final NumberForm NEW_NUMBER = new NumberForm("", "", "", ZoneId.of("America/Sao_Paulo"), false, "", false,
            "sair", 60, 120);

    private final NumberSettings settings;
    private final NumberDirectory directory;
    private final NumberChanges changes;
    private final AccessPolicy access;
    private final FormAttempt attempt;

    NumberSettingsController(NumberSettings settings, NumberDirectory directory, NumberChanges changes,
            AccessPolicy access, FormAttempt attempt) {
        this.settings = settings;
        this.directory = directory;
        this.changes = changes;
        this.access = access;
        this.attempt = attempt;
    }

    /** A weekday's intervals on the form, plus one empty row to add another. */
    record DayRows(DayOfWeek day, List<HoursInterval> intervals) {
    }

    @GetMapping("/settings/numbers")
    String page(@RequestParam Optional<Long> number, @RequestParam(defaultValue = "false") boolean create,
            Model model) {
        access.requireAdmin();
        if (create) {
            return show(model, null, NEW_NUMBER);
        }
        Optional<Long> selected = number.or(() -> directory.all().stream().findFirst().map(NumberView::id));
        return show(model, selected.orElse(null), selected.map(settings::form).orElse(null));
    }

    @PostMapping("/settings/numbers")
    String create(NumberParams params, Model model, HttpServletResponse response, RedirectAttributes redirect,
            Locale locale) {
        SignedInUser actor = access.requireAdmin();
        return attempt.run(new Context(model, response, redirect, locale),
                () -> "/settings/numbers?number=" + changes.create(actor, params.toForm()),
                () -> show(model, null, params.toFormLeniently()));
    }

    @PostMapping("/settings/numbers/{numberId}")
    String update(@PathVariable long numberId, NumberParams params, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        return attempt.run(new Context(model, response, redirect, locale),
                () -> {
                    changes.update(actor, numberId, params.toForm());
                    return "/settings/numbers?number=" + numberId;
                }, () -> show(model, numberId, params.toFormLeniently()));
    }

    @PostMapping("/settings/numbers/{numberId}/hours")
    String hours(@PathVariable long numberId, @RequestParam(name = "day", defaultValue = "") List<String> days,
            @RequestParam(name = "opens", defaultValue = "") List<String> opens,
            @RequestParam(name = "closes", defaultValue = "") List<String> closes, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        return attempt.run(new Context(model, response, redirect, locale),
                () -> {
                    changes.replaceHours(actor, numberId, intervals(days, opens, closes));
                    return "/settings/numbers?number=" + numberId + "#hours";
                }, () -> show(model, numberId, settings.form(numberId)));
    }

    @PostMapping("/settings/numbers/{numberId}/holidays")
    String addHoliday(@PathVariable long numberId, @RequestParam(defaultValue = "") String day,
            @RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        return attempt.run(new Context(model, response, redirect, locale),
                () -> {
                    changes.addHoliday(actor, numberId, date(day), name);
                    return "/settings/numbers?number=" + numberId + "#holidays";
                }, () -> show(model, numberId, settings.form(numberId)));
    }

    @PostMapping("/settings/numbers/{numberId}/holidays/{holidayId}/delete")
    String removeHoliday(@PathVariable long numberId, @PathVariable long holidayId, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        changes.removeHoliday(actor, numberId, holidayId);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/numbers?number=" + numberId + "#holidays";
    }

    private String show(Model model, Long numberId, NumberForm form) {
        model.addAttribute("numbers", directory.all());
        model.addAttribute("selectedId", numberId);
        model.addAttribute("form", form);
        model.addAttribute("zones", ZoneChoices.in(LocaleContextHolder.getLocale()));
        if (numberId != null) {
            List<HoursInterval> hours = settings.hours(numberId);
            model.addAttribute("week", Arrays.stream(DayOfWeek.values())
                    .map(day -> new DayRows(day, hours.stream().filter(h -> h.day() == day).toList())).toList());
            model.addAttribute("holidays", settings.holidays(numberId));
        }
        return VIEW;
    }

    /** Rows of the hours form; a row with both times blank is an empty row and is skipped. */
    static List<HoursInterval> intervals(List<String> days, List<String> opens, List<String> closes) {
        if (days.size() != opens.size() || days.size() != closes.size()) {
            throw new InvalidInputException("configuration.numbers.hoursOrder");
        }
        List<HoursInterval> intervals = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            if (opens.get(i).isBlank() && closes.get(i).isBlank()) {
                continue;
            }
            try {
                LocalTime closing = LocalTime.parse(closes.get(i).strip());
                intervals.add(new HoursInterval(DayOfWeek.valueOf(days.get(i)), LocalTime.parse(opens.get(i).strip()),
                        closing.equals(LocalTime.MIDNIGHT) ? NumberSettings.END_OF_DAY : closing));
            } catch (DateTimeParseException | IllegalArgumentException bad) {
                throw new InvalidInputException("configuration.numbers.hoursOrder");
            }
        }
        return intervals;
    }

    private static LocalDate date(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException bad) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.numbers.holidayDay"));
        }
    }

    /** The number form's fields as typed. */
    record NumberParams(String name, String displayPhone, String phoneNumberId, String timeZone, Boolean alwaysOpen,
            String afterHoursMessage, Boolean notifyNextOpening, String exitKeyword, String customerInactivityMinutes,
            String queueTimeoutMinutes) {

        /** A new number's identity as typed, its other settings as {@link #NEW_NUMBER} has them. */
        static NumberParams newNumber(String name, String displayPhone, String phoneNumberId, String timeZone,
                boolean alwaysOpen) {
            return new NumberParams(name, displayPhone, phoneNumberId, timeZone, alwaysOpen,
                    NEW_NUMBER.afterHoursMessage(), NEW_NUMBER.notifyNextOpening(), NEW_NUMBER.exitKeyword(),
                    String.valueOf(NEW_NUMBER.customerInactivityMinutes()),
                    String.valueOf(NEW_NUMBER.queueTimeoutMinutes()));
        }

        NumberForm toForm() {
            return new NumberForm(name, displayPhone, phoneNumberId, zone(), isTrue(alwaysOpen), afterHoursMessage,
                    isTrue(notifyNextOpening), exitKeyword, minutes(customerInactivityMinutes, "configuration.numbers.customerInactivity"),
                    minutes(queueTimeoutMinutes, "configuration.numbers.queueTimeout"));
        }

        /** The same, for showing the form again: what cannot be read falls back to a default. */
        NumberForm toFormLeniently() {
            ZoneId zone;
            try {
                zone = zone();
            } catch (InvalidInputException bad) {
                zone = ZoneId.of("America/Sao_Paulo");
            }
            return new NumberForm(name, displayPhone, phoneNumberId, zone, isTrue(alwaysOpen), afterHoursMessage,
                    isTrue(notifyNextOpening), exitKeyword, lenient(customerInactivityMinutes), lenient(queueTimeoutMinutes));
        }

        private ZoneId zone() {
            try {
                return ZoneId.of(timeZone == null ? "" : timeZone.strip());
            } catch (DateTimeException bad) {
                throw new InvalidInputException("configuration.form.invalid", label("configuration.numbers.zone"));
            }
        }

        private static int minutes(String value, String labelKey) {
            try {
                return Integer.parseInt(value == null ? "" : value.strip());
            } catch (NumberFormatException bad) {
                throw new InvalidInputException("configuration.form.invalid", label(labelKey));
            }
        }

        private static boolean isTrue(Boolean checked) {
            return Boolean.TRUE.equals(checked);
        }

        private static int lenient(String value) {
            try {
                return Integer.parseInt(value == null ? "" : value.strip());
            } catch (NumberFormatException bad) {
                return 0;
            }
        }
    }
}
