package br.com.balcao.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.hibernate.validator.constraints.Length;

/**
 * What a form field's Bean Validation constraints tell the browser, so that a page declares them once (on the form
 * record) and the field fragment turns them into {@code required}, {@code minlength}/{@code maxlength} and
 * {@code min}/{@code max}. A bound that says nothing (a {@code @Size} with no maximum) is null.
 */
public record FieldConstraints(boolean required, Integer minLength, Integer maxLength, Long min, Long max) {

    static final FieldConstraints NONE = new FieldConstraints(false, null, null, null, null);

    private static final Set<Class<? extends Annotation>> REQUIRING = Set.of(NotNull.class, NotBlank.class, NotEmpty.class);
    private static final Set<Class<? extends Annotation>> LENGTHS = Set.of(Size.class, Length.class);

    /**
     * These bounds and the constraint's, the tighter of each. A composed constraint ({@code @Range} is a {@code @Min}
     * and a {@code @Max}) is read through its parts.
     */
    FieldConstraints and(ConstraintDescriptor<?> constraint) {
        FieldConstraints bounds = this;
        for (ConstraintDescriptor<?> part : constraint.getComposingConstraints()) {
            bounds = bounds.and(part);
        }
        Class<? extends Annotation> type = constraint.getAnnotation().annotationType();
        if (REQUIRING.contains(type)) {
            return new FieldConstraints(true, bounds.minLength, bounds.maxLength, bounds.min, bounds.max);
        }
        if (LENGTHS.contains(type)) {
            int least = (int) constraint.getAttributes().get("min");
            int most = (int) constraint.getAttributes().get("max");
            return new FieldConstraints(bounds.required, higher(bounds.minLength, least > 0 ? least : null),
                    lower(bounds.maxLength, most < Integer.MAX_VALUE ? most : null), bounds.min, bounds.max);
        }
        if (type == Min.class) {
            long least = (long) constraint.getAttributes().get("value");
            return new FieldConstraints(bounds.required, bounds.minLength, bounds.maxLength,
                    higher(bounds.min, least > Long.MIN_VALUE ? least : null), bounds.max);
        }
        if (type == Max.class) {
            long most = (long) constraint.getAttributes().get("value");
            return new FieldConstraints(bounds.required, bounds.minLength, bounds.maxLength, bounds.min,
                    lower(bounds.max, most < Long.MAX_VALUE ? most : null));
        }
        return bounds;
    }

    private static <T extends Comparable<T>> T higher(T a, T b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static <T extends Comparable<T>> T lower(T a, T b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
