package br.com.balcao.settings;

import static br.com.balcao.shared.FormSubmission.accepted;
import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.numbers.ChannelOptions;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberSettings.HoursInterval;
import br.com.balcao.numbers.NumberSettings.NumberForm;
import br.com.balcao.numbers.NumberSettings;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.ServiceHoursRows;
import br.com.balcao.numbers.SurveySettings;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.FormSubmission;
import br.com.balcao.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.hibernate.validator.constraints.Range;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The numbers tab: a number's fields, its weekly service hours and its holidays. */
@Controller
record NumberSettingsController(
        NumberSettings settings,
        NumberDirectory directory,
        NumberChanges changes,
        AccessPolicy access) {

    private static final String VIEW = "settings/numbers";
    private static final int MAX_MINUTES = 10_080;
    /** What a new number starts with, here and at the first-run setup. */
    static final NumberForm NEW_NUMBER = new NumberForm("", "", "", ZoneId.of("America/Sao_Paulo"), false, "", false,
            "sair", 60, 120);

    /** A weekday's intervals on the form, plus one empty row to add another. */
    record DayRows(DayOfWeek day, List<HoursInterval> intervals) {
    }

    @GetMapping("/settings/numbers")
    String page(@RequestParam Optional<Long> number, @RequestParam(defaultValue = "false") boolean create,
            Model model) {
        access.requireAdmin();
        if (create) {
            return show(model, null, NumberParams.of(NEW_NUMBER));
        }
        Optional<Long> selected = number.or(() -> directory.all().stream().findFirst().map(NumberView::id));
        return show(model, selected.orElse(null), selected.map(settings::form).map(NumberParams::of).orElse(null));
    }

    @PostMapping("/settings/numbers")
    String create(@Valid @ModelAttribute("form") NumberParams form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        return FormSubmission.result(result, response, () -> changes.create(actor, form.toForm()))
                .map(created -> saved(redirect, created, ""))
                .orElseGet(() -> show(model, null, form));
    }

    @PostMapping("/settings/numbers/{numberId}")
    String update(@PathVariable long numberId, @Valid @ModelAttribute("form") NumberParams form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        if (!accepted(result, response, () -> changes.update(actor, numberId, form.toForm()))) {
            return show(model, numberId, form);
        }
        return saved(redirect, numberId, "");
    }

    @PostMapping("/settings/numbers/{numberId}/hours")
    String hours(@PathVariable long numberId, @ModelAttribute("hoursForm") ServiceHoursRows hours, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        if (!accepted(result, response, () -> changes.replaceHours(actor, numberId, hours.intervals()))) {
            return show(model, numberId, NumberParams.of(settings.form(numberId)));
        }
        return saved(redirect, numberId, "#hours");
    }

    /** The number's WhatsApp options as typed; the switches are off when not sent. */
    record ChannelParams(
            @Size(max = 64, message = "{form.tooLong}")
            @Pattern(regexp = "|" + NumberSettings.WABA_ID_DIGITS, message = "{configuration.numbers.wabaIdDigits}") String wabaId,
            Boolean readReceipts, Boolean typingIndicator, Boolean signMessages) {

        static ChannelParams of(ChannelOptions options) {
            return new ChannelParams(options.wabaId(), options.readReceipts(), options.typingIndicator(),
                    options.signMessages());
        }

        ChannelOptions toOptions(long numberId) {
            return new ChannelOptions(numberId, wabaId, Boolean.TRUE.equals(readReceipts),
                    Boolean.TRUE.equals(typingIndicator), Boolean.TRUE.equals(signMessages));
        }
    }

    @PostMapping("/settings/numbers/{numberId}/whatsapp")
    String channel(@PathVariable long numberId, @Valid @ModelAttribute("channel") ChannelParams channel,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        if (!accepted(result, response, () -> changes.updateChannelOptions(actor, numberId, channel.toOptions(numberId)))) {
            return show(model, numberId, NumberParams.of(settings.form(numberId)));
        }
        return saved(redirect, numberId, "#whatsapp");
    }

    /** The number's satisfaction survey as typed; WhatsApp's limits are checked here, the rest when saved. */
    record SurveyParams(Boolean enabled,
            @Size(max = SurveySettings.MAX_QUESTION, message = "{configuration.numbers.surveyQuestionTooLong}") String question,
            @Size(max = SurveySettings.MAX_TITLE, message = "{configuration.numbers.surveyTitleTooLong}") String goodTitle,
            @Size(max = SurveySettings.MAX_TITLE, message = "{configuration.numbers.surveyTitleTooLong}") String okTitle,
            @Size(max = SurveySettings.MAX_TITLE, message = "{configuration.numbers.surveyTitleTooLong}") String badTitle,
            @Size(max = SurveySettings.MAX_QUESTION, message = "{configuration.numbers.surveyPromptTooLong}") String commentPrompt) {

        static SurveyParams of(SurveySettings survey) {
            return new SurveyParams(survey.enabled(), survey.question(), survey.goodTitle(), survey.okTitle(),
                    survey.badTitle(), survey.commentPrompt());
        }

        SurveySettings toSettings() {
            return new SurveySettings(Boolean.TRUE.equals(enabled), question, goodTitle, okTitle, badTitle,
                    commentPrompt);
        }
    }

    @PostMapping("/settings/numbers/{numberId}/survey")
    String survey(@PathVariable long numberId, @Valid @ModelAttribute("survey") SurveyParams survey,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        if (!accepted(result, response, () -> changes.updateSurvey(actor, numberId, survey.toSettings()))) {
            return show(model, numberId, NumberParams.of(settings.form(numberId)));
        }
        return saved(redirect, numberId, "#survey");
    }

    record HolidayParams(@NotNull(message = "{form.required}") LocalDate day,
            @NotBlank(message = "{form.required}") @Size(max = 80, message = "{form.tooLong}") String name) {
    }

    @PostMapping("/settings/numbers/{numberId}/holidays")
    String addHoliday(@PathVariable long numberId, @Valid @ModelAttribute("holiday") HolidayParams holiday,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        if (!accepted(result, response, () -> changes.addHoliday(actor, numberId, holiday.day(), holiday.name()))) {
            return show(model, numberId, NumberParams.of(settings.form(numberId)));
        }
        return saved(redirect, numberId, "#holidays");
    }

    @PostMapping("/settings/numbers/{numberId}/holidays/{holidayId}/delete")
    String removeHoliday(@PathVariable long numberId, @PathVariable long holidayId, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        access.requireVisible(numberId);
        changes.removeHoliday(actor, numberId, holidayId);
        return saved(redirect, numberId, "#holidays");
    }

    private static String saved(RedirectAttributes redirect, long numberId, String part) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/numbers?number=" + numberId + part;
    }

    private String show(Model model, Long numberId, NumberParams form) {
        model.addAttribute("numbers", directory.all());
        model.addAttribute("selectedId", numberId);
        if (form != null && !model.containsAttribute("form")) {
            // Not replaced: a form whose value could not be converted is null, and its errors are kept with it.
            model.addAttribute("form", form);
        }
        model.addAttribute("showForm", model.containsAttribute("form"));
        if (!model.containsAttribute("holiday")) {
            model.addAttribute("holiday", new HolidayParams(null, ""));
        }
        if (!model.containsAttribute("hoursForm")) {
            model.addAttribute("hoursForm", ServiceHoursRows.NONE);
        }
        model.addAttribute("zones", ZoneChoices.in(LocaleContextHolder.getLocale()));
        if (numberId != null) {
            List<HoursInterval> hours = settings.hours(numberId);
            model.addAttribute("week", Arrays.stream(DayOfWeek.values())
                    .map(day -> new DayRows(day, hours.stream().filter(h -> h.day() == day).toList())).toList());
            model.addAttribute("holidays", settings.holidays(numberId));
            if (!model.containsAttribute("channel")) {
                model.addAttribute("channel", ChannelParams.of(settings.channelOptions(numberId)));
            }
            if (!model.containsAttribute("survey")) {
                model.addAttribute("survey", SurveyParams.of(settings.survey(numberId)));
            }
            NumberForm saved = settings.form(numberId);
            model.addAttribute("selectedZone", saved.zone().getId());
            model.addAttribute("alwaysOpen", saved.alwaysOpen());
        }
        return VIEW;
    }

    /** The number form's fields as typed; the time zone is read when the number is saved. */
    record NumberParams(
            @NotBlank(message = "{form.required}") @Size(max = 80, message = "{form.tooLong}") String name,
            @NotBlank(message = "{form.required}") @Size(max = 32, message = "{form.tooLong}") String displayPhone,
            @NotBlank(message = "{form.required}") @Size(max = 64, message = "{form.tooLong}") String phoneNumberId,
            @NotBlank(message = "{form.required}") String timeZone, Boolean alwaysOpen, String afterHoursMessage,
            Boolean notifyNextOpening,
            @NotBlank(message = "{form.required}") @Size(max = 40, message = "{form.tooLong}") String exitKeyword,
            @NotNull(message = "{form.required}") @Range(min = 1, max = MAX_MINUTES, message = "{form.range}") Integer customerInactivityMinutes,
            @NotNull(message = "{form.required}") @Range(min = 1, max = MAX_MINUTES, message = "{form.range}") Integer queueTimeoutMinutes) {

        static NumberParams of(NumberForm number) {
            return new NumberParams(number.name(), number.displayPhone(), number.phoneNumberId(), number.zone().getId(),
                    number.alwaysOpen(), number.afterHoursMessage(), number.notifyNextOpening(), number.exitKeyword(),
                    number.customerInactivityMinutes(), number.queueTimeoutMinutes());
        }

        /** A new number's identity as typed, its other settings as {@link #NEW_NUMBER} has them. */
        static NumberParams newNumber(String name, String displayPhone, String phoneNumberId, String timeZone,
                boolean alwaysOpen) {
            NumberParams defaults = of(NEW_NUMBER);
            return new NumberParams(name, displayPhone, phoneNumberId, timeZone, alwaysOpen,
                    defaults.afterHoursMessage(), defaults.notifyNextOpening(), defaults.exitKeyword(),
                    defaults.customerInactivityMinutes(), defaults.queueTimeoutMinutes());
        }

        NumberForm toForm() {
            return new NumberForm(name, displayPhone, phoneNumberId, zone(), Boolean.TRUE.equals(alwaysOpen),
                    afterHoursMessage, Boolean.TRUE.equals(notifyNextOpening), exitKeyword,
                    customerInactivityMinutes == null ? 0 : customerInactivityMinutes,
                    queueTimeoutMinutes == null ? 0 : queueTimeoutMinutes);
        }

        private ZoneId zone() {
            try {
                return ZoneId.of(timeZone == null ? "" : timeZone);
            } catch (DateTimeException bad) {
                throw new InvalidInputException("configuration.form.invalid", label("configuration.numbers.zone"));
            }
        }
    }
}
