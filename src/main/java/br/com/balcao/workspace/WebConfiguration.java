package br.com.balcao.workspace;

import br.com.balcao.security.NumberSelection;
import br.com.balcao.security.SelectedNumber;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Brazilian Portuguese by default; {@code ?lang=en} or {@code ?lang=pt-BR} switches, remembered in a cookie.
 * Requests carrying a NUL character are refused before any controller runs ({@link NulCharacterGuard}).
 * Handlers receive the header's number as a {@link SelectedNumber} parameter.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    private final ObjectProvider<NumberSelection> selection;

    WebConfiguration(ObjectProvider<NumberSelection> selection) {
        this.selection = selection;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("balcao-lang");
        resolver.setDefaultLocale(PORTUGUESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** The innermost filter: every wrapper outside it sees a page committed once (see {@link PageBufferFilter}). */
    @Bean
    FilterRegistrationBean<PageBufferFilter> pageBufferFilter() {
        FilterRegistrationBean<PageBufferFilter> registration = new FilterRegistrationBean<>(new PageBufferFilter());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new NulCharacterGuard());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SelectedNumberResolver(selection));
    }
}
