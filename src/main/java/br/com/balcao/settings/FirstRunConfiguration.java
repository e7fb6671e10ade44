package br.com.balcao.settings;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class FirstRunConfiguration {

    /** Ahead of sessions and security: before the first admin there is nobody to be. */
    @Bean
    FilterRegistrationBean<FirstRunGuard> firstRunGuard(FirstRun firstRun) {
        FilterRegistrationBean<FirstRunGuard> registration = new FilterRegistrationBean<>(new FirstRunGuard(firstRun));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
