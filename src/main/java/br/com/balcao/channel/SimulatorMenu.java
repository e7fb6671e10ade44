package br.com.balcao.channel;

import org.springframework.context.annotation.Profile;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Lists the simulator in the side menu when (and only when) it exists: in the demo. */
@ControllerAdvice
@Profile("demo")
class SimulatorMenu {

    @ModelAttribute("simulatorEnabled")
    boolean simulatorEnabled() {
        return true;
    }
}
