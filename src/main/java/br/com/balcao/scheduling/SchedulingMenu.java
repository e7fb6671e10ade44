package br.com.balcao.scheduling;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SchedulingMenu {

    @Bean
    MenuEntry scheduledMessagesMenuEntry() {
        return new MenuEntry("/scheduled", "bi-calendar-event", "scheduling.menu", 35, Audience.EVERYONE);
    }
}
