package br.com.balcao.shared;

import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** A Thymeleaf dialect (a bean is picked up by Boot) that gives every template one expression object, {@code #name}. */
public abstract class ExpressionObjectDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final String objectName;

    protected ExpressionObjectDialect(String objectName) {
        super(objectName);
        this.objectName = objectName;
    }

    /** What {@code #name} is in the template being processed in that context. */
    protected abstract Object expressionObject(IExpressionContext context);

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(objectName);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return objectName.equals(expressionObjectName) ? expressionObject(context) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
