package br.com.balcao.tickets;

import java.util.Set;

/**
 * Meta's error codes as agents meet them on a failed message: the ones worth another try, and the key of the
 * sentence that explains each one ({@code i18n/whatsapp-errors.properties}, {@code whatsapp.error.<code>}).
 * Meaning of each code: Meta's "WhatsApp error codes" page (docs/whatsapp.md, "Meta's errors in words"). A code
 * without a sentence shows Meta's own message.
 */
public final class MetaErrors {

    /** Codes with a sentence of their own in the bundle. */
    static final Set<Integer> EXPLAINED = Set.of(1, 2, 100, 190, 368, 130429, 131000, 131008, 131009,
            131026, 131031, 131042, 131047, 131048, 131049, 131051, 131053, 131056, 132000, 132001, 132005, 132007,
            132012, 132015, 132016);

    /**
     * What can succeed when sent again, later: throughput (130429) and pair (131056) rate limits, Meta's "something
     * went wrong" (131000), the API's unknown (1) and temporary (2) errors. Everything else fails the same way
     * again until someone changes something (the template, the token, the customer's window).
     */
    private static final Set<Integer> RETRYABLE = Set.of(1, 2, 130429, 131000, 131056);

    /** The code Meta uses for an access token that expired or was revoked. */
    public static final int TOKEN_REJECTED = 190;

    private MetaErrors() {
    }

    /** Whether a refusal with this code may succeed on a later attempt. */
    public static boolean retryable(Integer code) {
        return code != null && RETRYABLE.contains(code);
    }

    /** The sentence of a failure without Meta's code: WhatsApp not reached, or a refusal the app itself made. */
    public static final String WITHOUT_CODE = "whatsapp.error.none";

    /**
     * The message key of the code's sentence: {@link #WITHOUT_CODE} for a failure without a code, null for a code
     * without a sentence (the page shows Meta's message).
     */
    public static String sentenceKey(Integer code) {
        if (code == null) {
            return WITHOUT_CODE;
        }
        return EXPLAINED.contains(code) ? "whatsapp.error." + code : null;
    }
}
