package br.com.balcao.desk;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** An active message as the component posts it: the template and one value per variable, in order. */
record ActiveMessageForm(@NotNull Long templateId, List<String> values) {

    ActiveMessageForm {
        values = values == null ? List.of() : values;
    }
}
