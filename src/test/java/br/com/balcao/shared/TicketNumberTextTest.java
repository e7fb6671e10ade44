package br.com.balcao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A ticket number reads "#2126" on every page, in both languages: a message that writes "#" before an argument
 * formats it without the thousands separator that MessageFormat adds to numbers by default ("#2.126").
 */
class TicketNumberTextTest {

    private static final Pattern NUMBERED = Pattern.compile("#\\{(\\d+)[^}]*}");

    @Test
    void everyMessageWritesTicketNumbersWithoutGrouping() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Resource bundle : bundles()) {
            Properties messages = new Properties();
            try (var reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            for (String key : messages.stringPropertyNames()) {
                Matcher numbered = NUMBERED.matcher(messages.getProperty(key));
                while (numbered.find()) {
                    Object[] arguments = new Object[10];
                    Arrays.fill(arguments, 2126L);
                    for (Locale locale : List.of(Locale.forLanguageTag("pt-BR"), Locale.ENGLISH)) {
                        String text = new MessageFormat(messages.getProperty(key), locale).format(arguments);
                        assertThat(text).as(bundle.getFilename() + " " + key).contains("#2126")
                                .doesNotContain("#2.126").doesNotContain("#2,126");
                    }
                    checked.add(key);
                }
            }
        }
        assertThat(checked).contains("conversations.timeline.ticket", "conversations.transfer.ticket",
                "dialog.transfer.title", "history.pdf.title");
    }

    private static List<Resource> bundles() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> bundles = new ArrayList<>(List.of(resolver.getResources("classpath*:messages*.properties")));
        bundles.addAll(List.of(resolver.getResources("classpath*:i18n/*.properties")));
        return bundles;
    }
}
