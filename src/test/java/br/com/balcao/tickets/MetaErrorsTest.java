package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Meta's codes: which are retried, and that each explained code has its sentence in both languages. */
class MetaErrorsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 130429, 131000, 131056})
    void passingErrorsAreRetried(int code) {
        assertThat(MetaErrors.retryable(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 190, 368, 131026, 131031, 131042, 131047, 131051, 131053, 132000, 132001, 132015,
            132016, 999999})
    void everythingElseIsPermanent(int code) {
        assertThat(MetaErrors.retryable(code)).isFalse();
    }

    @Test
    void noCodeIsNotRetriedAndHasNoSentence() {
        assertThat(MetaErrors.retryable(null)).isFalse();
        assertThat(MetaErrors.sentenceKey(null)).isEqualTo(MetaErrors.WITHOUT_CODE);
        assertThat(MetaErrors.sentenceKey(131999)).isNull();
    }

    @Test
    void everyExplainedCodeHasItsSentenceInPortugueseAndEnglish() throws IOException {
        Properties portuguese = bundle("i18n/whatsapp-errors.properties");
        Properties english = bundle("i18n/whatsapp-errors_en.properties");

        for (int code : MetaErrors.EXPLAINED) {
            assertThat(portuguese.getProperty(MetaErrors.sentenceKey(code))).as("pt-BR %s", code).isNotBlank();
            assertThat(english.getProperty(MetaErrors.sentenceKey(code))).as("en %s", code).isNotBlank();
        }
        assertThat(english.getProperty("whatsapp.error.131047")).contains("24 hours").contains("template");
        assertThat(portuguese.getProperty("whatsapp.error.131047")).contains("24 horas").contains("modelo");
        assertThat(portuguese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MetaErrorsTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
