package br.com.balcao.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Phone numbers as the app stores them (E.164 for sending, digits only for search) and shows them: the
 * international format of the number's own country, as people there read it ({@code +55 11 97777-1610}).
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "BR";
    private static final Pattern WA_ID = Pattern.compile("[0-9]{5,20}");
    private static final Pattern BRAZILIAN_MOBILE_WITHOUT_NINE = Pattern.compile("55[1-9][0-9][6-9][0-9]{7}");
    /**
     * Every inbound message parses its sender's WhatsApp id, a costly parse (docs/benchmarks.md, "Less work per
     * message"), and a customer in a conversation writes many messages. Emptied when full (a plain bound).
     */
    private static final int KNOWN_WA_IDS_LIMIT = 20_000;
    private static final Map<String, Phone> KNOWN_WA_IDS = new ConcurrentHashMap<>();

    private Phones() {
    }

    public record Phone(String e164, String digits) {
    }

    /** A WhatsApp id is the international number's digits; anything else is not a phone. */
    public static Optional<Phone> fromWaId(String waId) {
        if (waId == null || !WA_ID.matcher(waId).matches()) {
            return Optional.empty();
        }
        Phone known = KNOWN_WA_IDS.get(waId);
        if (known == null) {
            known = parse("+" + waId).orElseGet(() -> new Phone("+" + waId, waId));
            if (KNOWN_WA_IDS.size() >= KNOWN_WA_IDS_LIMIT) {
                KNOWN_WA_IDS.clear();
            }
            KNOWN_WA_IDS.put(waId, known);
        }
        return Optional.of(known);
    }

    /**
     * One key for the two forms a Brazilian mobile customer's number takes: WhatsApp's id may lack the 9th digit
     * (55 + area code + 8 digits, the first 6 to 9: a mobile), a number typed today has it (55 + area code + 9 +
     * 8 digits). The key is the 13-digit form; any other number is its own key. The migration's SQL function
     * {@code whatsapp_key} is the same rule, for the indexed column {@code contacts.wa_key}.
     */
    public static String whatsAppKey(String digits) {
        if (digits != null && BRAZILIAN_MOBILE_WITHOUT_NINE.matcher(digits).matches()) {
            return digits.substring(0, 4) + "9" + digits.substring(4);
        }
        return digits;
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

    /**
     * The phone as people read it in its country; what libphonenumber cannot parse (a short code, a test
     * number) is shown as it is. Null stays null, so templates can fall back with {@code ?:}.
     */
    public static String readable(String phone) {
        if (phone == null || phone.isBlank() || phone.length() > 40) {
            return phone;
        }
        try {
            PhoneNumber number = UTIL.parse(phone, DEFAULT_REGION);
            return UTIL.isPossibleNumber(number) ? UTIL.format(number, PhoneNumberFormat.INTERNATIONAL) : phone;
        } catch (NumberParseException e) {
            return phone;
        }
    }
}
