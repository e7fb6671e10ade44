package br.com.balcao.workspace;

import br.com.balcao.shared.Phones;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #phones.readable(phone)} in every template, so that every page shows a phone the same way
 * ({@link Phones#readable}) while the pages' data keeps the stored E.164.
 */
@Component
class PhonesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "phones";
    private static final PhonesExpression EXPRESSION = new PhonesExpression();

    PhonesDialect() {
        super("Phones");
    }

    /** What templates call. */
    public static final class PhonesExpression {

        public String readable(String phone) {
            return Phones.readable(phone);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? EXPRESSION : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
