package br.com.balcao.quickreplies;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuickRepliesMenu {

    @Bean
    MenuEntry quickRepliesMenuEntry() {
        return new MenuEntry("/quick-replies", "bi-lightning-charge", "configuration.menu.quickReplies", 80,
                Audience.MANAGERS);
    }
}
