package br.com.balcao.history;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    MenuEntry historyMenuEntry() {
        return new MenuEntry("/history", "bi-clock-history", "history.menu", 60, Audience.EVERYONE);
    }
}
