package br.com.balcao.templates;

import java.util.List;
import java.util.regex.Matcher;

/**
 * A template as agents send it and the settings page shows it. {@code metaTemplateId} is Meta's id of a template
 * synced from Meta (null for a local one); {@code layout} is what it shows around the body.
 */
public record TemplateView(long id, long numberId, String name, String language, TemplateCategory category,
        String body, TemplateStatus status, String metaTemplateId, TemplateLayout layout) {

    /** A local template: a body and nothing around it. */
    public TemplateView(long id, long numberId, String name, String language, TemplateCategory category,
            String body, TemplateStatus status) {
        this(id, numberId, name, language, category, body, status, null, TemplateLayout.NONE);
    }

    /** Whether it came from Meta's list of the number's WhatsApp Business Account. */
    public boolean fromMeta() {
        return metaTemplateId != null;
    }

    /** Whether agents may send it: approved, and made of parts this app can fill in. */
    public boolean sendable() {
        return status == TemplateStatus.APPROVED && layout.sendable();
    }

    /** How many positional variables ({{1}}, {{2}}, ...) the body uses. */
    public int variableCount() {
        return TemplateParameters.VARIABLE.matcher(body).results()
                .mapToInt(match -> Integer.parseInt(match.group(1))).max().orElse(0);
    }

    /** The distinct variable numbers the body uses, in increasing order. */
    public List<Integer> variables() {
        return TemplateParameters.VARIABLE.matcher(body).results()
                .map(match -> Integer.parseInt(match.group(1))).distinct().sorted().toList();
    }

    /** The exact text the customer reads, with each {{n}} replaced by the n-th value. */
    public String render(List<String> values) {
        if (values.size() != variableCount()) {
            throw new IllegalArgumentException("template " + name + " takes " + variableCount() + " values");
        }
        return TemplateParameters.VARIABLE.matcher(body).replaceAll(match ->
                Matcher.quoteReplacement(values.get(Integer.parseInt(match.group(1)) - 1)));
    }
}
