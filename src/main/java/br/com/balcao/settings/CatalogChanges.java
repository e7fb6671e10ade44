package br.com.balcao.settings;

import br.com.balcao.audit.AuditLog;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.templates.TemplateAdministration;
import br.com.balcao.templates.TemplateAdministration.TemplateForm;
import br.com.balcao.templates.SyncResult;
import br.com.balcao.templates.TemplateView;
import br.com.balcao.tickets.TagCatalog;
import br.com.balcao.tickets.TicketDetails.TagView;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to message templates and tags, each with its audit row. */
@Service
@Transactional
class CatalogChanges {

    private final TemplateAdministration templates;
    private final TagCatalog tags;
    private final AuditLog audit;

    CatalogChanges(TemplateAdministration templates, TagCatalog tags, AuditLog audit) {
        this.templates = templates;
        this.tags = tags;
        this.audit = audit;
    }

    void createTemplate(SignedInUser actor, NumberView number, TemplateForm form) {
        TemplateView created = templates.create(number.id(), form);
        audit.record(actor, "template.created", subject(number, created), Map.of(), fields(created));
    }

    void updateTemplate(SignedInUser actor, NumberView number, long templateId, TemplateForm form) {
        TemplateView before = templates.all(number.id()).stream().filter(t -> t.id() == templateId).findFirst()
                .orElse(null);
        TemplateView after = templates.update(number.id(), templateId, form);
        audit.record(actor, "template.updated", subject(number, after), before == null ? Map.of() : fields(before),
                fields(after));
    }

    void deleteTemplate(SignedInUser actor, NumberView number, long templateId) {
        TemplateView deleted = templates.delete(number.id(), templateId);
        audit.record(actor, "template.deleted", subject(number, deleted), fields(deleted), Map.of());
    }

    /** A sync from Meta that changed the number's templates (one that failed changed nothing). */
    void templatesSynced(SignedInUser actor, NumberView number, SyncResult result) {
        if (result.ok()) {
            audit.record(actor, "template.synced", number.name(), Map.of(), AuditLog.fields("templates",
                    result.count(), "removed", result.removed(), "skipped", result.skipped()));
        }
    }

    void createTag(SignedInUser actor, String name, String color) {
        TagView created = tags.create(name, color);
        audit.record(actor, "tag.created", created.name(), Map.of(), fields(created));
    }

    void updateTag(SignedInUser actor, long tagId, String name, String color) {
        TagView before = tags.find(tagId);
        TagView after = tags.update(tagId, name, color);
        audit.record(actor, "tag.updated", after.name(), fields(before), fields(after));
    }

    void deleteTag(SignedInUser actor, long tagId) {
        TagView deleted = tags.delete(tagId);
        audit.record(actor, "tag.deleted", deleted.name(), fields(deleted), Map.of());
    }

    private static String subject(NumberView number, TemplateView template) {
        return number.name() + " / " + template.name() + " (" + template.language() + ")";
    }

    private static Map<String, Object> fields(TemplateView template) {
        return AuditLog.fields("name", template.name(), "language", template.language(), "category",
                template.category(), "status", template.status(), "body", template.body());
    }

    private static Map<String, Object> fields(TagView tag) {
        return Map.of("name", tag.name(), "color", tag.color());
    }
}
