package br.com.balcao.desk;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeskMenu {

    @Bean
    MenuEntry deskMenuEntry() {
        return new MenuEntry("/desk", "bi-chat-dots", "menu.desk", 20, Audience.EVERYONE);
    }
}
