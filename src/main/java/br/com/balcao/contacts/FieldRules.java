package br.com.balcao.contacts;

import br.com.balcao.shared.Phones;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The Bean Validation rules of the contacts' forms that the standard constraints do not say: a length in
 * characters (an emoji is one, where {@code @Size} counts two), a phone libphonenumber reads, an ISO date, a
 * period in order. A null
 * or blank value passes: "not informed" is a value.
 */
public final class FieldRules {

    private FieldRules() {
    }

    /** At most {@code max} characters (code points), the surrounding blanks aside. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CharactersCheck.class)
    public @interface Characters {
        int max();

        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A phone, with its area code, that WhatsApp could reach (Brazil assumed without a country code). */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PhoneCheck.class)
    public @interface PhoneNumber {
        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A day written as ISO ("2026-12-25"), the way a date input sends it. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DateCheck.class)
    public @interface IsoDate {
        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The filter's period ends on or after its start; when not, the error is the end's ("to"). */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PeriodCheck.class)
    public @interface PeriodInOrder {
        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Characters of a text as the rules count them: code points, without the surrounding blanks. */
    static int characters(String value) {
        String stripped = value.strip();
        return stripped.codePointCount(0, stripped.length());
    }

    /** The day, or null when the text is none. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static class CharactersCheck implements ConstraintValidator<Characters, String> {

        private int max;

        @Override
        public void initialize(Characters rule) {
            max = rule.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || characters(value) <= max;
        }
    }

    public static class PhoneCheck implements ConstraintValidator<PhoneNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Phones.parse(value).isPresent();
        }
    }

    public static class PeriodCheck implements ConstraintValidator<PeriodInOrder, ContactFilter> {

        @Override
        public boolean isValid(ContactFilter filter, ConstraintValidatorContext context) {
            if (filter.fromDate() == null || filter.toDate() == null || !filter.toDate().isBefore(filter.fromDate())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("to").addConstraintViolation();
            return false;
        }
    }

    public static class DateCheck implements ConstraintValidator<IsoDate, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || date(value.strip()) != null;
        }
    }
}
