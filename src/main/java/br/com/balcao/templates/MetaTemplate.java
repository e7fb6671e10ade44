package br.com.balcao.templates;

/**
 * One template of a WhatsApp Business Account as Meta's list answers it: its id, name, language, category and
 * status as Meta writes them, and its components as Meta's JSON array (kept as is).
 */
public record MetaTemplate(String id, String name, String language, String category, String status,
        String components) {
}
