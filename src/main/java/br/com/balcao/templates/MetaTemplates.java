package br.com.balcao.templates;

/**
 * Meta's list of a WhatsApp Business Account's templates
 * ({@code GET /{version}/{waba-id}/message_templates}), page by page. The channel module answers it with the
 * Cloud API's settings; with the simulated gateway there is none, and templates are kept locally.
 */
public interface MetaTemplates {

    /**
     * The first page of the account's templates ({@code next} null), or the page {@code next} links to (a
     * previous page's {@code paging.next}).
     *
     * @throws MetaTemplatesException when Meta refuses (the token, the account id) or cannot be reached
     */
    MetaTemplatePage page(String wabaId, String next);
}
