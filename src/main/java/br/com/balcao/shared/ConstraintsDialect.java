package br.com.balcao.shared;

import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #constraints.of('name')} in every template: the constraints of that field of the form the enclosing
 * {@code th:object} binds, which the field fragment ({@code fragments/form}) writes as the control's HTML
 * attributes. The browser then tells what the server would refuse before the form is sent.
 */
@Component
class ConstraintsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "constraints";

    private final FormConstraints constraints;

    ConstraintsDialect(Validator validator) {
        super("Constraints");
        this.constraints = new FormConstraints(validator);
    }

    /** What templates call. */
    public static final class ConstraintsExpression {

        private final IExpressionContext context;
        private final FormConstraints constraints;

        ConstraintsExpression(IExpressionContext context, FormConstraints constraints) {
            this.context = context;
            this.constraints = constraints;
        }

        /** The field's constraints in the form of the enclosing {@code th:object}; none outside one. */
        public FieldConstraints of(String field) {
            Object form = context instanceof ITemplateContext template && template.hasSelectionTarget()
                    ? template.getSelectionTarget() : null;
            return form == null ? FieldConstraints.NONE : constraints.of(form.getClass(), field);
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
                return NAME.equals(expressionObjectName) ? new ConstraintsExpression(context, constraints) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
