package br.com.balcao.absence;

/** Every text the absence automation sends to customers (they are in Brazil: Portuguese). */
final class AbsenceTexts {

    static final String DEFAULT_MESSAGE = "Olá! No momento nossa equipe está ausente.";
    static final String TALK_TO_NAME_AND_PHONE = "Se preferir, fale com %s pelo número %s.";
    static final String TALK_TO_NAME = "Se preferir, fale com %s.";
    static final String TALK_TO_PHONE = "Se preferir, fale com a gente pelo número %s.";

    private AbsenceTexts() {
    }

    static String reply(String message, String suggestedName, String suggestedPhone) {
        String text = isBlank(message) ? DEFAULT_MESSAGE : message.strip();
        String suggestion = suggestion(suggestedName, suggestedPhone);
        return suggestion == null ? text : text + "\n\n" + suggestion;
    }

    private static String suggestion(String name, String phone) {
        if (!isBlank(name) && !isBlank(phone)) {
            return TALK_TO_NAME_AND_PHONE.formatted(name.strip(), phone.strip());
        }
        if (!isBlank(name)) {
            return TALK_TO_NAME.formatted(name.strip());
        }
        if (!isBlank(phone)) {
            return TALK_TO_PHONE.formatted(phone.strip());
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
