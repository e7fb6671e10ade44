package br.com.balcao.desk;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.shared.Phones;
import br.com.balcao.templates.TemplateCatalog;
import br.com.balcao.templates.TemplateStatus;
import br.com.balcao.templates.TemplateView;
import br.com.balcao.tickets.TicketActions;
import br.com.balcao.tickets.TicketConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The active message component: an approved template of the contact's number, its variables and a preview
 * of the exact text, sent through {@link TicketActions#sendActiveMessage}. It takes nothing but a contact
 * id, so any page (Desk, Conversations, After-hours) can place it with
 * {@code ~{fragments/active-message :: loader(contactId, trigger)}}.
 *
 * <p>Refusals answer a 4xx with a short message fragment that the component shows in place: 404 when the
 * contact or template is not visible (or the template is not approved on the contact's number), 403
 * without ACTIVE_MESSAGE on the number, 400 for a missing, empty or too long variable, 409 when the
 * contact is being served by someone else.
 */
@Controller
class ActiveMessageController {

    /** Meta's limit for one body parameter. */
    static final int MAX_VALUE_LENGTH = 1024;

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\d+)}}");
    /** Meta refuses parameters with line breaks, tabs or more than four consecutive spaces. */
    private static final Pattern BAD_VALUE = Pattern.compile("[\\n\\r\\t]| {5,}");

    private final ContactDirectory contacts;
    private final TemplateCatalog templates;
    private final TicketActions actions;
    private final AccessPolicy access;

    ActiveMessageController(ContactDirectory contacts, TemplateCatalog templates, TicketActions actions,
                            AccessPolicy access) {
        this.contacts = contacts;
        this.templates = templates;
        this.actions = actions;
        this.access = access;
    }

    /** The component for one contact: what it shows. */
    public record Form(long contactId, String contactName, String contactPhone, String numberName, boolean allowed,
            List<TemplateOption> templates, Long selectedTemplateId, boolean sent) {

        /** How the component names the customer: the name, or the phone when there is no name. */
        public String contactLabel() {
            return contactName == null || contactName.isBlank() ? Phones.readable(contactPhone) : contactName;
        }

        public boolean hasTemplates() {
            return !templates.isEmpty();
        }
    }

    /** An approved template as the component offers it, with its variables' starting values. */
    public record TemplateOption(long id, String name, String language, String category, String body,
            List<Variable> variables, List<PreviewPart> preview) {

        public boolean selected(Long selectedId) {
            return selectedId != null && selectedId == id;
        }
    }

    /** One {{n}} field. */
    public record Variable(int index, String value) {
    }

    /** A piece of the preview: fixed text (variable 0) or the value of {{variable}}. */
    public record PreviewPart(String text, int variable, boolean empty) {
    }

    /** A refused send: a message key of the component and its argument. */
    static final class Refused extends RuntimeException {

        private final String key;
        private final Object argument;

        Refused(String key, Object argument) {
            super(key);
            this.key = key;
            this.argument = argument;
        }
    }

    @GetMapping("/desk/contacts/{contactId}/active-messages/new")
    String form(@PathVariable long contactId, @RequestParam Optional<Long> templateId, Model model) {
        ContactView contact = visibleContact(contactId);
        model.addAttribute("am", form(contact, templateId.orElse(null), false));
        return "fragments/active-message :: component";
    }

    @PostMapping("/desk/contacts/{contactId}/active-messages")
    String send(@PathVariable long contactId, @RequestParam long templateId,
                @RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletResponse response) {
        ContactView contact = visibleContact(contactId);
        access.require(contact.numberId(), Permission.ACTIVE_MESSAGE);
        TemplateView template = templates.find(templateId)
                .filter(found -> found.numberId() == contact.numberId() && found.status() == TemplateStatus.APPROVED)
                .orElseThrow(() -> new NotFoundException("template"));
        // Read as sent: a single value with a comma stays one value (no comma splitting by conversion).
        List<String> values = checked(template, parameters.getOrDefault("values", List.of()));
        long messageId = actions.sendActiveMessage(contactId, templateId, values, access.currentUser().id());
        response.setHeader("HX-Trigger", """
                {"active-message-sent": {"contactId": %d, "messageId": %d}, \
                "desk-refresh-timeline": "", "desk-refresh-list": ""}""".formatted(contactId, messageId));
        model.addAttribute("am", form(contact, templateId, true));
        return "fragments/active-message :: component";
    }

    @ExceptionHandler(Refused.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(Refused refusal, Model model) {
        return refusal(model, refusal.key, refusal.argument);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String malformed(Model model) {
        return refusal(model, "activeMessage.refused.template", null);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return refusal(model, "activeMessage.refused.not-found", null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        return refusal(model, "activeMessage.refused.forbidden", null);
    }

    @ExceptionHandler(TicketConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(TicketConflictException conflict, Model model) {
        return refusal(model, "activeMessage.refused." + conflict.reason(), null);
    }

    private static String refusal(Model model, String key, Object argument) {
        model.addAttribute("refusalKey", key);
        model.addAttribute("refusalArgument", argument);
        return "fragments/active-message :: refusal";
    }

    /** The contact, if the user may see its number; 404 otherwise, as if it did not exist. */
    private ContactView visibleContact(long contactId) {
        ContactView contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact"));
        access.requireVisible(contact.numberId());
        return contact;
    }

    /** One value per variable, each present, at most 1,024 characters and on one line. */
    private static List<String> checked(TemplateView template, List<String> sent) {
        int expected = template.variableCount();
        if (sent.size() != expected) {
            throw new Refused("activeMessage.refused.count", expected);
        }
        List<String> values = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            String value = sent.get(i) == null ? "" : sent.get(i).strip();
            String variable = "{{" + (i + 1) + "}}";
            if (value.isEmpty()) {
                throw new Refused("activeMessage.refused.empty", variable);
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new Refused("activeMessage.refused.long", variable);
            }
            if (BAD_VALUE.matcher(value).find()) {
                throw new Refused("activeMessage.refused.format", variable);
            }
            values.add(value);
        }
        return values;
    }

    private Form form(ContactView contact, Long wantedTemplateId, boolean sent) {
        NumberView number = access.requireVisible(contact.numberId());
        boolean allowed = access.can(contact.numberId(), Permission.ACTIVE_MESSAGE);
        List<TemplateView> approved = allowed ? templates.approved(contact.numberId()) : List.of();
        Long selected = approved.stream().map(TemplateView::id)
                .filter(id -> id.equals(wantedTemplateId)).findFirst()
                .orElse(approved.isEmpty() ? null : approved.get(0).id());
        List<TemplateOption> options = approved.stream()
                .map(template -> option(template, contact.name()))
                .toList();
        return new Form(contact.id(), contact.name(), contact.phoneE164(), number.name(), allowed, options, selected,
                sent);
    }

    /** The template with {{1}} filled with the contact's name (when known) and the others empty. */
    private static TemplateOption option(TemplateView template, String contactName) {
        List<Variable> variables = new ArrayList<>();
        for (int index = 1; index <= template.variableCount(); index++) {
            String value = index == 1 && contactName != null && !contactName.isBlank() ? contactName.strip() : "";
            variables.add(new Variable(index, value));
        }
        return new TemplateOption(template.id(), template.name(), template.language(), template.category().name(),
                template.body(), List.copyOf(variables), preview(template.body(), variables));
    }

    /** The body cut into fixed text and variables, as the page's script also does while the agent types. */
    static List<PreviewPart> preview(String body, List<Variable> variables) {
        List<PreviewPart> parts = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(body);
        int start = 0;
        while (matcher.find()) {
            if (matcher.start() > start) {
                parts.add(new PreviewPart(body.substring(start, matcher.start()), 0, false));
            }
            int index = Integer.parseInt(matcher.group(1));
            String value = index >= 1 && index <= variables.size() ? variables.get(index - 1).value() : "";
            parts.add(value.isEmpty() ? new PreviewPart(matcher.group(), index, true)
                    : new PreviewPart(value, index, false));
            start = matcher.end();
        }
        if (start < body.length()) {
            parts.add(new PreviewPart(body.substring(start), 0, false));
        }
        return parts;
    }
}
