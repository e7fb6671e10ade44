package br.com.balcao.reports;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportsMenu {

    @Bean
    MenuEntry reportsMenuEntry() {
        return new MenuEntry("/reports", "bi-bar-chart-line", "reports.menu", 75, Audience.MANAGERS);
    }
}
