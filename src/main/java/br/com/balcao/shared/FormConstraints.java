package br.com.balcao.shared;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a form field's constraints from the validator's metadata, once per form class and field. A record's
 * constraints are read from its component's field, where the validator finds them as a property.
 */
final class FormConstraints {

    private final Validator validator;
    private final Map<Field, FieldConstraints> read = new ConcurrentHashMap<>();

    FormConstraints(Validator validator) {
        this.validator = validator;
    }

    FieldConstraints of(Class<?> form, String field) {
        return read.computeIfAbsent(new Field(form, field), this::read);
    }

    private FieldConstraints read(Field field) {
        PropertyDescriptor property = validator.getConstraintsForClass(field.form()).getConstraintsForProperty(field.name());
        if (property == null) {
            return FieldConstraints.NONE;
        }
        FieldConstraints constraints = FieldConstraints.NONE;
        for (var constraint : property.findConstraints().unorderedAndMatchingGroups(Default.class).getConstraintDescriptors()) {
            constraints = constraints.and(constraint);
        }
        return constraints;
    }

    private record Field(Class<?> form, String name) {
    }
}
