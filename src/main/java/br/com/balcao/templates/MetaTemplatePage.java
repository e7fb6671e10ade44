package br.com.balcao.templates;

import java.util.List;

/** One page of a WhatsApp Business Account's template list, and the link to the next one (null on the last). */
public record MetaTemplatePage(List<MetaTemplate> templates, String next) {
}
