package br.com.balcao.security;

import br.com.balcao.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/**
 * What the first admin's password must be: long, of more than one kind of character, not the e-mail, and not
 * one of the passwords that anyone guessing tries first. Each rule refuses with its own message.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    /** The form's field the rules are about. */
    private static final String FIELD = "password";

    /** Passwords of the minimum length or longer from the lists of the most used ones, Brazilian ones included. */
    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
            "password1234", "password12345", "password@123", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
            "qwerty123456", "qwertyuiop12", "qwertyuiop123", "1q2w3e4r5t6y", "1qaz2wsx3edc", "q1w2e3r4t5y6",
            "abc123456789", "abcd12345678", "iloveyou1234", "welcome12345", "changeme1234", "letmein12345",
            "admin1234567", "admin@123456", "administrador", "administrador1", "administrator",
            "senha1234567", "senha12345678", "senha@123456", "minhasenha123", "mudar1234567", "mudar@123456",
            "brasil123456", "flamengo1234", "corinthians1", "palmeiras123", "balcao123456", "balcão123456",
            "whatsapp1234", "whatsapp123456");

    private PasswordRules() {
    }

    static void check(String password, String email) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidInputException("password.rule.length", MIN_LENGTH).about(FIELD);
        }
        if (password.codePoints().map(PasswordRules::kind).distinct().count() < 2) {
            throw new InvalidInputException("password.rule.kinds").about(FIELD);
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (folded.equals(email) || folded.equals(email.substring(0, email.indexOf('@')))) {
            throw new InvalidInputException("password.rule.email").about(FIELD);
        }
        if (COMMON.contains(folded)) {
            throw new InvalidInputException("password.rule.common").about(FIELD);
        }
    }

    /** Lowercase, uppercase, digit or anything else. */
    private static int kind(int codePoint) {
        if (Character.isLowerCase(codePoint)) {
            return 0;
        }
        if (Character.isUpperCase(codePoint)) {
            return 1;
        }
        return Character.isDigit(codePoint) ? 2 : 3;
    }
}
