package br.com.balcao.channel;

import br.com.balcao.shared.MenuEntry;
import br.com.balcao.shared.MenuEntry.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Lists the simulator in the side menu when (and only when) it exists, in the demo, to those who may use it. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class SimulatorMenu {

    @Bean
    MenuEntry simulatorMenuEntry() {
        return new MenuEntry("/simulator", "bi-phone", "menu.simulator", 1000, Audience.MANAGERS);
    }
}
