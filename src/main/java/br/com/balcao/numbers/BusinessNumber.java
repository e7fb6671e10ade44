package br.com.balcao.numbers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** One WhatsApp business number (the guide's "bot" or installation). */
@Entity
@Table(name = "business_numbers")
class BusinessNumber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String displayPhone;
    private String phoneNumberId;
    private String timeZone;
    private boolean alwaysOpen;
    private String afterHoursMessage;
    private boolean notifyNextOpening;
    private String exitKeyword;
    private int customerInactivityMinutes;
    private int queueTimeoutMinutes;
    private String wabaId;
    private boolean readReceipts = true;
    private boolean typingIndicator = true;
    private boolean signMessages;
    private boolean surveyEnabled;
    private String surveyQuestion = SurveySettings.DEFAULT.question();
    private String surveyGoodTitle = SurveySettings.DEFAULT.goodTitle();
    private String surveyOkTitle = SurveySettings.DEFAULT.okTitle();
    private String surveyBadTitle = SurveySettings.DEFAULT.badTitle();
    private String surveyCommentPrompt = SurveySettings.DEFAULT.commentPrompt();

    @Column(updatable = false)
    private Instant createdAt;

    /** Moved forward by the database on every change of the number's settings (see V10). */
    @Column(insertable = false, updatable = false)
    private long settingsVersion;

    protected BusinessNumber() {
    }

    BusinessNumber(Instant createdAt) {
        this.createdAt = createdAt;
    }

    void apply(NumberSettings.NumberForm form) {
        this.name = form.name();
        this.displayPhone = form.displayPhone();
        this.phoneNumberId = form.phoneNumberId();
        this.timeZone = form.zone().getId();
        this.alwaysOpen = form.alwaysOpen();
        this.afterHoursMessage = form.afterHoursMessage();
        this.notifyNextOpening = form.notifyNextOpening();
        this.exitKeyword = form.exitKeyword();
        this.customerInactivityMinutes = form.customerInactivityMinutes();
        this.queueTimeoutMinutes = form.queueTimeoutMinutes();
    }

    NumberSettings.NumberForm toForm() {
        return new NumberSettings.NumberForm(name, displayPhone, phoneNumberId, getZone(), alwaysOpen,
                afterHoursMessage, notifyNextOpening, exitKeyword, customerInactivityMinutes, queueTimeoutMinutes);
    }

    void apply(ChannelOptions options) {
        this.wabaId = options.wabaId();
        this.readReceipts = options.readReceipts();
        this.typingIndicator = options.typingIndicator();
        this.signMessages = options.signMessages();
    }

    void apply(SurveySettings survey) {
        this.surveyEnabled = survey.enabled();
        this.surveyQuestion = survey.question();
        this.surveyGoodTitle = survey.goodTitle();
        this.surveyOkTitle = survey.okTitle();
        this.surveyBadTitle = survey.badTitle();
        this.surveyCommentPrompt = survey.commentPrompt();
    }

    SurveySettings survey() {
        return new SurveySettings(surveyEnabled, surveyQuestion, surveyGoodTitle, surveyOkTitle, surveyBadTitle,
                surveyCommentPrompt);
    }

    ChannelOptions channelOptions() {
        return new ChannelOptions(id, wabaId, readReceipts, typingIndicator, signMessages);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    NumberView toView() {
        return new NumberView(id, name, displayPhone, phoneNumberId, getZone());
    }

    long getSettingsVersion() {
        return settingsVersion;
    }

    NumberRules toRules() {
        return new NumberRules(id, getZone(), alwaysOpen, afterHoursMessage, notifyNextOpening, exitKeyword,
                Duration.ofMinutes(customerInactivityMinutes), Duration.ofMinutes(queueTimeoutMinutes));
    }
}
