package br.com.balcao.templates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The templates module's facade: a number's message templates. */
@Service
@Transactional(readOnly = true)
public class TemplateCatalog {

    private final MessageTemplateRepository templates;

    TemplateCatalog(MessageTemplateRepository templates) {
        this.templates = templates;
    }

    public Optional<TemplateView> find(long templateId) {
        return templates.findById(templateId).map(MessageTemplate::toView);
    }

    /** The template, when it may be sent on the number now: approved, and of that number. */
    public Optional<TemplateView> approved(long templateId, long numberId) {
        return find(templateId)
                .filter(template -> template.numberId() == numberId && template.status() == TemplateStatus.APPROVED);
    }

    /** How many templates of each number Meta paused for low quality; numbers with none are left out. */
    public Map<Long, Long> pausedByNumber() {
        Map<Long, Long> paused = new HashMap<>();
        for (Object[] row : templates.countPausedByNumber()) {
            paused.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return paused;
    }

    /** The templates that may be sent on the number now (approved only), by name. */
    public List<TemplateView> approved(long numberId) {
        return templates.findByNumberIdAndStatusOrderByNameAscLanguageAsc(numberId, TemplateStatus.APPROVED).stream()
                .map(MessageTemplate::toView)
                .toList();
    }
}
