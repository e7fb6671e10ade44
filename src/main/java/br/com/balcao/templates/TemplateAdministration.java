package br.com.balcao.templates;

import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing a number's templates (settings page): names and languages as Meta accepts them, a body of at
 * most 1,024 characters whose variables are numbered {{1}} to {{n}} without gaps. Templates are kept by hand only
 * where there is no Meta to sync them from (the simulated gateway); otherwise they come from {@link TemplateSync}.
 */
@Service
@Transactional
public class TemplateAdministration {

    static final int BODY_MAX_LENGTH = 1024;

    private final MessageTemplateRepository templates;
    private final Optional<MetaTemplates> meta;
    private final Clock clock;

    TemplateAdministration(MessageTemplateRepository templates, Optional<MetaTemplates> meta, Clock clock) {
        this.templates = templates;
        this.meta = meta;
        this.clock = clock;
    }

    /** Whether admins keep the templates by hand (no Meta to sync them from: the simulated gateway). */
    public boolean local() {
        return meta.isEmpty();
    }

    public record TemplateForm(String name, String language, TemplateCategory category, String body,
            TemplateStatus status) {
    }

    /** Every template of the number, whatever its status, by name. */
    @Transactional(readOnly = true)
    public List<TemplateView> all(long numberId) {
        return templates.findByNumberIdOrderByNameAscLanguageAsc(numberId).stream().map(MessageTemplate::toView)
                .toList();
    }

    public TemplateView create(long numberId, TemplateForm form) {
        requireLocal();
        TemplateForm checked = checked(form);
        return save(new MessageTemplate(numberId, checked.name(), checked.language(), checked.category(),
                checked.body(), checked.status(), clock.instant())).toView();
    }

    public TemplateView update(long numberId, long templateId, TemplateForm form) {
        requireLocal();
        MessageTemplate template = template(numberId, templateId);
        TemplateForm checked = checked(form);
        template.edit(checked.name(), checked.language(), checked.category(), checked.body(), checked.status());
        return save(template).toView();
    }

    public TemplateView delete(long numberId, long templateId) {
        requireLocal();
        MessageTemplate template = template(numberId, templateId);
        templates.delete(template);
        return template.toView();
    }

    /** The template, checked as a form would be, for the page's live preview. */
    public TemplateView preview(long numberId, TemplateForm form) {
        TemplateForm checked = checked(form);
        return new TemplateView(0, numberId, checked.name(), checked.language(), checked.category(), checked.body(),
                checked.status());
    }

    private void requireLocal() {
        if (!local()) {
            throw new InvalidInputException("configuration.templates.fromMeta");
        }
    }

    private MessageTemplate template(long numberId, long templateId) {
        return templates.findById(templateId).filter(t -> t.getNumberId() == numberId)
                .orElseThrow(() -> new NotFoundException("template"));
    }

    private MessageTemplate save(MessageTemplate template) {
        return InvalidInputException.unlessDuplicate(() -> templates.saveAndFlush(template),
                "configuration.templates.duplicate", template.getName(), template.getLanguage());
    }

    private static TemplateForm checked(TemplateForm form) {
        String name = form.name() == null ? "" : form.name().strip();
        if (!name.matches("[a-z0-9_]{1,512}")) {
            throw new InvalidInputException("configuration.templates.badName");
        }
        String language = form.language() == null ? "" : form.language().strip();
        if (!language.matches("[a-z]{2,3}(_[A-Z]{2})?")) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.templates.language"));
        }
        if (form.category() == null || form.status() == null) {
            throw new InvalidInputException("configuration.form.required", label("configuration.templates.category"));
        }
        String body = form.body() == null ? "" : form.body().strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("configuration.form.required", label("configuration.templates.body"));
        }
        if (body.length() > BODY_MAX_LENGTH) {
            throw new InvalidInputException("configuration.form.tooLong", label("configuration.templates.body"),
                    BODY_MAX_LENGTH, body.length());
        }
        TemplateView view = new TemplateView(0, 0, name, language, form.category(), body, form.status());
        List<Integer> used = view.variables();
        List<Integer> expected = IntStream.rangeClosed(1, view.variableCount()).boxed().toList();
        if (!used.equals(expected)) {
            throw new InvalidInputException("configuration.templates.variableGap", view.variableCount());
        }
        return new TemplateForm(name, language, form.category(), body, form.status());
    }
}
