package br.com.balcao.afterhours;

import br.com.balcao.numbers.NumberRules;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Every text the after-hours automation sends to customers (they are in Brazil: Portuguese). */
final class AfterHoursTexts {

    /** What the customer types to ask for a contact when the number opens. */
    static final String RETURN_REQUEST_ANSWER = "1";

    static final String DEFAULT_MESSAGE = "Olá! No momento estamos fora do horário de atendimento.";
    static final String NEXT_OPENING = "Voltamos a atender %s.";
    static final String OFFER_RETURN = "Responda " + RETURN_REQUEST_ANSWER
            + " se quiser que a gente entre em contato assim que voltarmos a atender.";
    static final String RETURN_CONFIRMED = "Combinado! Vamos entrar em contato com você assim que voltarmos a atender.";

    private static final DateTimeFormatter OPENING =
            DateTimeFormatter.ofPattern("EEEE, dd/MM, 'às' HH:mm", Locale.forLanguageTag("pt-BR"));

    private AfterHoursTexts() {
    }

    static String reply(NumberRules rules, Optional<Instant> nextOpening) {
        StringBuilder text = new StringBuilder(
                rules.afterHoursMessage().isBlank() ? DEFAULT_MESSAGE : rules.afterHoursMessage().strip());
        nextOpening.ifPresent(at -> text.append("\n\n").append(NEXT_OPENING.formatted(opening(at, rules.zone()))));
        if (rules.notifyNextOpening()) {
            text.append("\n\n").append(OFFER_RETURN);
        }
        return text.toString();
    }

    /** The opening in the number's time zone, for example: sábado, 21/11, às 08:00. */
    static String opening(Instant at, ZoneId zone) {
        return OPENING.format(at.atZone(zone));
    }
}
