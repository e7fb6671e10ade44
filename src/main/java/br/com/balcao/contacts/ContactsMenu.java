package br.com.balcao.contacts;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContactsMenu {

    @Bean
    MenuEntry contactsMenuEntry() {
        return new MenuEntry("/contacts", "bi-person-lines-fill", "contacts.menu", 40, Audience.CONTACT_READERS);
    }
}
