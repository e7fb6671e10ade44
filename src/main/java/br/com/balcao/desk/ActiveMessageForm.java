package br.com.balcao.desk;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * An active message as the component posts it: the template, one value per body variable, in order, and for a
 * template with a header the value of its text's variable or the public link of its image, video or document.
 */
record ActiveMessageForm(@NotNull Long templateId, List<String> values, String headerText, String headerLink) {

    ActiveMessageForm {
        values = values == null ? List.of() : values;
    }
}
