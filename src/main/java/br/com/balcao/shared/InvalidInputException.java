package br.com.balcao.shared;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A form's input was refused (too long, a duplicate, a rule of the domain): the page shows the message
 * named by its key, with its arguments, and nothing was changed. An argument made with {@link #label}
 * is itself a message key (a field's name), translated with the message. A refusal {@link #about} one of the
 * form's fields is shown next to it; any other at the form's top.
 */
public class InvalidInputException extends RuntimeException implements MessageSourceResolvable {

    private final String messageKey;
    private final transient List<Object> arguments;
    private final String field;

    public InvalidInputException(String messageKey, Object... arguments) {
        this(messageKey, List.of(arguments), null);
    }

    private InvalidInputException(String messageKey, List<Object> arguments, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.field = field;
    }

    /** The same refusal about this field of the form, unless it names one already. */
    public InvalidInputException about(String formField) {
        return field != null ? this : new InvalidInputException(messageKey, arguments, formField);
    }

    /** A message argument that is translated too, such as a field's label. */
    public static MessageSourceResolvable label(String messageKey) {
        return new DefaultMessageSourceResolvable(new String[] {messageKey}, messageKey);
    }

    /**
     * A text a form requires, stripped; refused when it is empty or longer than {@code maxLength} characters.
     * {@code labelKey} names the field in the message.
     */
    public static String requiredText(String raw, int maxLength, String labelKey) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("configuration.form.required", label(labelKey));
        }
        if (text.length() > maxLength) {
            throw new InvalidInputException("configuration.form.tooLong", label(labelKey), maxLength, text.length());
        }
        return text;
    }

    /**
     * What {@code save} stores where a unique index decides (two admins may save the same name at once): a
     * duplicate is refused with the message {@code messageKey}.
     */
    public static <T> T unlessDuplicate(Supplier<T> save, String messageKey, Object... arguments) {
        try {
            return save.get();
        } catch (DataIntegrityViolationException duplicate) {
            throw new InvalidInputException(messageKey, arguments);
        }
    }

    /** The refusal as the form's error: next to its field, or about the whole form, shown at its top. */
    public void rejectIn(Errors form) {
        if (field != null) {
            form.rejectValue(field, messageKey, getArguments(), messageKey);
        } else {
            form.reject(messageKey, getArguments(), messageKey);
        }
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey};
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }

    @Override
    public String getDefaultMessage() {
        return messageKey;
    }
}
