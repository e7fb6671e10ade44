package br.com.balcao.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler parameter that receives the number chosen in the header ({@link NumberSelection}): a
 * {@code NumberView}, which answers 404 when the user may see no number, or an {@code Optional<NumberView>}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SelectedNumber {
}
