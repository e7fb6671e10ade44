package br.com.balcao.afterhours;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AfterHoursMenu {

    @Bean
    MenuEntry afterHoursMenuEntry() {
        return new MenuEntry("/after-hours", "bi-moon-stars", "contacts.afterHours.menu", 50, Audience.CONTACT_READERS);
    }
}
