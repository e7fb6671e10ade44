package br.com.balcao.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * Every page module's message bundle, {@code i18n/<name>.properties} (with its {@code <name>_en.properties}),
 * joins the base names of {@code spring.messages.basename} without being listed there: a new page's bundle is
 * found on the classpath. Only the list of base names changes; Spring Boot still builds the message source
 * from {@code spring.messages.*} (encoding, no fallback to the system's locale...).
 */
@Component
class PageMessageBundles implements BeanPostProcessor, ResourceLoaderAware {

    static final String PATTERN = "classpath*:i18n/*.properties";

    /** A bundle's language after its base name: "_en", "_pt_BR". */
    static final Pattern LANGUAGE = Pattern.compile("(.+)_[a-z]{2}(_[A-Z]{2})?");

    private ResourcePatternResolver resources;

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resources = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MessageSourceProperties properties) {
            Set<String> basenames = new LinkedHashSet<>(properties.getBasename());
            basenames.addAll(found());
            properties.setBasename(new ArrayList<>(basenames));
        }
        return bean;
    }

    /**
     * The base names on the classpath: "i18n/contacts" for contacts.properties, leaving out its languages
     * (contacts_en.properties: another file's name followed by a language); quick_replies.properties is a
     * bundle of its own, though quick.properties may be there too.
     */
    List<String> found() {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource bundle : resources.getResources(PATTERN)) {
                String file = Objects.requireNonNull(bundle.getFilename());
                names.add(file.substring(0, file.length() - ".properties".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the message bundles " + PATTERN, e);
        }
        return names.stream()
                .filter(name -> !isLanguageOfAnother(name, names))
                .map(name -> "i18n/" + name)
                .toList();
    }

    private static boolean isLanguageOfAnother(String name, Set<String> names) {
        Matcher language = LANGUAGE.matcher(name);
        return language.matches() && names.contains(language.group(1));
    }
}
