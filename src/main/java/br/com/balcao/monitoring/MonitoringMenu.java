package br.com.balcao.monitoring;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitoringMenu {

    @Bean
    MenuEntry monitoringMenuEntry() {
        return new MenuEntry("/monitoring", "bi-speedometer2", "monitoring.menu", 70, Audience.MANAGERS);
    }
}
