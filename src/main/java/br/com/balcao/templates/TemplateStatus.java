package br.com.balcao.templates;

/** Meta's review status of a template; only approved templates can be sent. */
public enum TemplateStatus {
    APPROVED,
    PENDING,
    REJECTED
}
