package br.com.balcao.channel;

/**
 * A {@code message_template_status_update} change: the template (Meta's id, name and language) of the WhatsApp
 * Business Account {@code wabaId} (the entry's id) and Meta's event (APPROVED, PAUSED, DISABLED, REJECTED, ...).
 */
record TemplateStatusUpdate(String wabaId, String metaTemplateId, String name, String language, String event,
        String reason) {
}
