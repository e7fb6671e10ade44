package br.com.balcao.templates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The templates module's facade: a number's message templates. */
@Service
@Transactional(readOnly = true)
public class TemplateCatalog {

    private final MessageTemplateRepository templates;
    /** Present with the Cloud API gateway: then only the templates Meta holds may be sent. */
    private final ObjectProvider<MetaTemplates> meta;

    TemplateCatalog(MessageTemplateRepository templates, ObjectProvider<MetaTemplates> meta) {
        this.templates = templates;
        this.meta = meta;
    }

    public Optional<TemplateView> find(long templateId) {
        return templates.findById(templateId).map(MessageTemplate::toView);
    }

    /**
     * The template, when it may be sent on the number now: approved, of that number, made of parts the active
     * message can fill in ({@link TemplateView#sendable}), and, with the Cloud API, synced from Meta (a template
     * written here was never approved by Meta).
     */
    public Optional<TemplateView> approved(long templateId, long numberId) {
        return find(templateId).filter(template -> template.numberId() == numberId && offered(template));
    }

    /** How many templates of each number Meta paused for low quality; numbers with none are left out. */
    public Map<Long, Long> pausedByNumber() {
        Map<Long, Long> paused = new HashMap<>();
        for (Object[] row : templates.countPausedByNumber()) {
            paused.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return paused;
    }

    /** The templates that may be sent on the number now (see {@link #approved(long, long)}), by name. */
    public List<TemplateView> approved(long numberId) {
        return templates.findByNumberIdAndStatusOrderByNameAscLanguageAsc(numberId, TemplateStatus.APPROVED).stream()
                .map(MessageTemplate::toView)
                .filter(this::offered)
                .toList();
    }

    private boolean offered(TemplateView template) {
        return template.sendable() && (template.fromMeta() || meta.getIfAvailable() == null);
    }
}
