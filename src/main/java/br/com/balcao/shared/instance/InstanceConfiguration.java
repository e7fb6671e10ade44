package br.com.balcao.shared.instance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The instance's name on every answer, when it has one (several instances behind a load balancer). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${balcao.instance-name:}'.isBlank()")
class InstanceConfiguration {

    @Bean
    FilterRegistrationBean<InstanceHeader> instanceHeader(@Value("${balcao.instance-name}") String name) {
        FilterRegistrationBean<InstanceHeader> registration = new FilterRegistrationBean<>(new InstanceHeader(name.strip()));
        // with the webhook's filter, which answers without going further: which of the two runs first is not fixed
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
