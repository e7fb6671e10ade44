package br.com.balcao.absence;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AbsenceMenu {

    @Bean
    MenuEntry absenceMenuEntry() {
        return new MenuEntry("/absence", "bi-person-dash", "configuration.menu.absence", 10, Audience.EVERYONE);
    }
}
