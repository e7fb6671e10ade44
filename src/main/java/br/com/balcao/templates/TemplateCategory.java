package br.com.balcao.templates;

/** Meta's category of a message template. */
public enum TemplateCategory {
    UTILITY,
    MARKETING,
    AUTHENTICATION
}
