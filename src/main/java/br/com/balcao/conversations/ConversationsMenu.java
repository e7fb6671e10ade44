package br.com.balcao.conversations;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConversationsMenu {

    @Bean
    MenuEntry conversationsMenuEntry() {
        return new MenuEntry("/conversations", "bi-person-lines-fill", "conversations.menu", 30, Audience.EVERYONE);
    }
}
