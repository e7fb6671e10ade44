package br.com.balcao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message bundle on the classpath answers through the application's message source in both languages,
 * though application.yml names only "messages": the page modules' bundles, and one that only the tests have
 * (i18n/testpage), as a new page's would be.
 */
@IntegrationTest
class PageMessageBundlesTest {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    @Autowired
    MessageSource messages;

    @Test
    void aKeyOfEachBundleResolvesInPortugueseAndEnglish() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<String> checked = new ArrayList<>();
        List<Resource> bundles = new ArrayList<>(List.of(resolver.getResources("classpath*:messages.properties")));
        bundles.addAll(List.of(resolver.getResources(PageMessageBundles.PATTERN)));
        for (Resource portuguese : bundles) {
            String name = portuguese.getFilename();
            if (PageMessageBundles.LANGUAGE.matcher(name.replace(".properties", "")).matches()) {
                continue;
            }
            Resource english = portuguese.createRelative(name.replace(".properties", "_en.properties"));
            Properties pt = load(portuguese);
            Properties en = load(english);
            String key = pt.stringPropertyNames().stream().sorted()
                    .filter(k -> en.containsKey(k) && !pt.getProperty(k).equals(en.getProperty(k)))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no key that differs in English"));

            String what = name + " " + key;
            assertThat(messages.getMessage(key, null, PORTUGUESE)).as(what).isEqualTo(pt.getProperty(key));
            assertThat(messages.getMessage(key, null, Locale.ENGLISH)).as(what).isEqualTo(en.getProperty(key));
            checked.add(name);
        }
        assertThat(checked).contains("messages.properties", "conversations.properties", "contacts.properties",
                "history.properties", "monitoring.properties", "configuration.properties", "setup.properties",
                "testpage.properties");
        assertThat(messages.getMessage("testpage.greeting", null, PORTUGUESE)).isEqualTo("Olá, página nova");
    }

    @Test
    void aBundlesLanguagesAreNotBundlesOfTheirOwn() {
        var bundles = new PageMessageBundles();
        bundles.setResourceLoader(new DefaultResourceLoader());
        assertThat(bundles.found()).contains("i18n/contacts", "i18n/monitoring", "i18n/testpage")
                .noneMatch(name -> name.endsWith("_en"));
    }

    @Test
    void onlyALanguageSuffixMakesAFileALanguageOfAnother() {
        var bundles = new PageMessageBundles();
        bundles.setResourceLoader(new PathMatchingResourcePatternResolver() {
            @Override
            public Resource[] getResources(String pattern) {
                return Stream.of("quick", "quick_en", "quick_pt_BR", "quick_replies", "quick_replies_en")
                        .map(name -> new FileSystemResource("i18n/" + name + ".properties")).toArray(Resource[]::new);
            }
        });
        assertThat(bundles.found()).containsExactly("i18n/quick", "i18n/quick_replies");
    }

    private static Properties load(Resource bundle) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
