package br.com.balcao.media;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the app keeps media files ({@code folder}, next to the embedded database's data by default), the largest
 * file it keeps (WhatsApp's own largest, a document of 100 MB), and how long a file is kept before the retention
 * deletes it (the message then says what it was, without the file).
 */
@ConfigurationProperties("balcao.media")
@Validated
public record MediaProperties(
        @DefaultValue("./data/media") @NotNull Path folder,
        @DefaultValue("100MB") @NotNull DataSize maxFileSize,
        @DefaultValue("365d") @NotNull Duration retention) {
}
