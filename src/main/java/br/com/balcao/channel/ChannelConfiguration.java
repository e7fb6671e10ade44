package br.com.balcao.channel;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    FilterRegistrationBean<WebhookFilter> webhookFilter(WebhookReceiver receiver) {
        FilterRegistrationBean<WebhookFilter> registration = new FilterRegistrationBean<>(new WebhookFilter(receiver));
        registration.addUrlPatterns(WebhookFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
