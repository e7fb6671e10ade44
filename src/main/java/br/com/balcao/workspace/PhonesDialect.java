package br.com.balcao.workspace;

import br.com.balcao.shared.ExpressionObjectDialect;
import br.com.balcao.shared.Phones;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;

/**
 * {@code #phones.readable(phone)} in every template, so that every page shows a phone the same way
 * ({@link Phones#readable}) while the pages' data keeps the stored E.164.
 */
@Component
class PhonesDialect extends ExpressionObjectDialect {

    private static final PhonesExpression EXPRESSION = new PhonesExpression();

    PhonesDialect() {
        super("phones");
    }

    /** What templates call. */
    public static final class PhonesExpression {

        public String readable(String phone) {
            return Phones.readable(phone);
        }
    }

    @Override
    protected Object expressionObject(IExpressionContext context) {
        return EXPRESSION;
    }
}
