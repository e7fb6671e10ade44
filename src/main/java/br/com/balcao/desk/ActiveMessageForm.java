package br.com.balcao.desk;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * An active message as the component posts it: the template, one value per body variable, in order, and for a
 * template with a header the value of its text's variable or the file of its image, video or document.
 */
record ActiveMessageForm(@NotNull Long templateId, List<String> values, String headerText, MultipartFile headerFile) {

    ActiveMessageForm {
        values = values == null ? List.of() : values;
    }
}
