package br.com.balcao.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers as the app stores them: E.164 for display and sending, digits only for search. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "BR";

    private Phones() {
    }

    public record Phone(String e164, String digits) {
    }

    /** A WhatsApp id is the international number's digits; anything else is not a phone. */
    public static Optional<Phone> fromWaId(String waId) {
        if (waId == null || !waId.matches("[0-9]{5,20}")) {
            return Optional.empty();
        }
        return parse("+" + waId).or(() -> Optional.of(new Phone("+" + waId, waId)));
    }

    /** A phone typed by a person, with or without country code (Brazil assumed), formatting ignored. */
    public static Optional<Phone> parse(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(typed, DEFAULT_REGION);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            String e164 = UTIL.format(number, PhoneNumberFormat.E164);
            return Optional.of(new Phone(e164, e164.substring(1)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
