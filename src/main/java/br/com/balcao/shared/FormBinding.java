package br.com.balcao.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.propertyeditors.CustomCollectionEditor;
import org.springframework.beans.propertyeditors.StringArrayPropertyEditor;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How every request value is bound, for every controller: text is trimmed (an empty field stays empty), and a
 * single value holding a comma stays one value. Spring would otherwise split "Olá, tudo bem?" into two values
 * when the target is an array or a list. A form that carries a password is bound as typed: a password may
 * begin or end with a space, and a record's fields cannot be told apart by the binder (its services strip the rest).
 */
@ControllerAdvice
class FormBinding {

    static final List<String> PASSWORDS = List.of("password", "passwordConfirmation");

    @InitBinder
    void bind(WebDataBinder binder) {
        if (!carriesPassword(binder)) {
            binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
        }
        binder.registerCustomEditor(String[].class, new StringArrayPropertyEditor(null));
        binder.registerCustomEditor(List.class, new OneValueIsOneElement(List.class));
        binder.registerCustomEditor(Set.class, new OneValueIsOneElement(Set.class));
    }

    /** A request parameter named as a password, or a form (a record or a class) with a field named so. */
    private static boolean carriesPassword(WebDataBinder binder) {
        if (PASSWORDS.contains(binder.getObjectName())) {
            return true;
        }
        Class<?> form = binder.getTarget() != null ? binder.getTarget().getClass()
                : binder.getTargetType() != null ? binder.getTargetType().resolve() : null;
        return form != null && Arrays.stream(form.getDeclaredFields()).anyMatch(f -> PASSWORDS.contains(f.getName()));
    }

    /** A single value becomes a collection of that value (none when it is empty), each element converted after. */
    private static final class OneValueIsOneElement extends CustomCollectionEditor {

        @SuppressWarnings("rawtypes")
        OneValueIsOneElement(Class<? extends Collection> type) {
            super(type, true);
        }

        @Override
        public void setAsText(String text) {
            setValue(text.isEmpty() ? null : text);
        }
    }
}
