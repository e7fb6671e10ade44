package br.com.balcao.security;

import br.com.balcao.numbers.NumberView;
import java.util.List;

/** The numbers a manager's page covers (monitoring, reports): one, or every number they may see ({@link #ALL}). */
public record ManagedNumbers(List<NumberView> numbers, boolean all) {

    /** The number filter's value for every number the user may see. */
    public static final String ALL = "all";
}
