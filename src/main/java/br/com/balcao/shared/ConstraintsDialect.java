package br.com.balcao.shared;

import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;

/**
 * {@code #constraints.of('name')} in every template: the constraints of that field of the form the enclosing
 * {@code th:object} binds, which the field fragment ({@code fragments/form}) writes as the control's HTML
 * attributes. The browser then tells what the server would refuse before the form is sent.
 */
@Component
class ConstraintsDialect extends ExpressionObjectDialect {

    private final FormConstraints constraints;

    ConstraintsDialect(Validator validator) {
        super("constraints");
        this.constraints = new FormConstraints(validator);
    }

    @Override
    protected Object expressionObject(IExpressionContext context) {
        return new ConstraintsExpression(context);
    }

    /** What templates call. */
    public final class ConstraintsExpression {

        private final IExpressionContext context;

        ConstraintsExpression(IExpressionContext context) {
            this.context = context;
        }

        /** The field's constraints in the form of the enclosing {@code th:object}; none outside one. */
        public FieldConstraints of(String field) {
            Object form = context instanceof ITemplateContext template && template.hasSelectionTarget()
                    ? template.getSelectionTarget() : null;
            return form == null ? FieldConstraints.NONE : constraints.of(form.getClass(), field);
        }
    }
}
