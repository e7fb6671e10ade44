package br.com.balcao.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Marks every page of the demo as such: the layout's header shows a "Demo" badge. */
@ControllerAdvice
@Profile("demo")
class DemoBadge {

    @ModelAttribute("demo")
    boolean demo() {
        return true;
    }
}
