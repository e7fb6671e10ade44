package br.com.balcao.workspace;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.NumberSelection;
import br.com.balcao.security.SelectedNumber;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link SelectedNumber} parameters from the session's choice. */
class SelectedNumberResolver implements HandlerMethodArgumentResolver {

    private final ObjectProvider<NumberSelection> selection;

    SelectedNumberResolver(ObjectProvider<NumberSelection> selection) {
        this.selection = selection;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(SelectedNumber.class)
                && parameter.nestedIfOptional().getNestedParameterType() == NumberView.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        Optional<NumberView> number = selection.getObject().current(servletRequest.getSession());
        if (parameter.isOptional()) {
            return number;
        }
        return number.orElseThrow(() -> new NotFoundException("no number"));
    }
}
