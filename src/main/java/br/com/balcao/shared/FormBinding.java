package br.com.balcao.shared;

import java.beans.PropertyEditorSupport;
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
 * How every request value is bound, for every controller: text is trimmed (an empty field stays empty, and
 * passwords are kept as typed), and a single value holding a comma stays one value. Spring would otherwise
 * split "Olá, tudo bem?" into two values when the target is an array or a list.
 */
@ControllerAdvice
class FormBinding {

    /** Form fields bound as typed: a password may begin or end with a space. */
    static final List<String> AS_TYPED = List.of("password", "passwordConfirmation");

    @InitBinder
    void bind(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
        AS_TYPED.forEach(field -> binder.registerCustomEditor(String.class, field, new AsTyped()));
        binder.registerCustomEditor(String[].class, new StringArrayPropertyEditor(null));
        binder.registerCustomEditor(List.class, new OneValueIsOneElement(List.class));
        binder.registerCustomEditor(Set.class, new OneValueIsOneElement(Set.class));
    }

    private static final class AsTyped extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(text);
        }
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
