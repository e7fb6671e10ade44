package br.com.balcao.settings;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SettingsMenu {

    @Bean
    MenuEntry settingsMenuEntry() {
        return new MenuEntry("/settings", "bi-gear", "configuration.menu.settings", 90, Audience.ADMINS);
    }
}
