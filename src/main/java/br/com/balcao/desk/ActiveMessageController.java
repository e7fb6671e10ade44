package br.com.balcao.desk;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.media.MediaTooLargeException;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.shared.Phones;
import br.com.balcao.templates.TemplateCatalog;
import br.com.balcao.templates.HeaderFormat;
import br.com.balcao.templates.TemplateHeader;
import br.com.balcao.templates.TemplateLayout;
import br.com.balcao.templates.TemplateParameters;
import br.com.balcao.templates.TemplateParameters.HeaderCheck;
import br.com.balcao.templates.TemplateParameters.PreviewPart;
import br.com.balcao.templates.TemplateView;
import br.com.balcao.tickets.TicketActions;
import br.com.balcao.tickets.TicketConflictException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The active message component: an approved template of the contact's number, its variables and a preview
 * of the exact text, sent through {@link TicketActions#sendActiveMessage}. It takes nothing but a contact
 * id, so any page (Desk, Conversations, After-hours) can place it with
 * {@code ~{fragments/active-message :: loader(contactId, trigger)}}.
 *
 * <p>Refusals answer a 4xx with a short message fragment that the component shows in place: 404 when the
 * contact or template is not visible (or the template is not approved on the contact's number), 403
 * without ACTIVE_MESSAGE on the number, 422 for a form Meta would refuse ({@link TemplateParameters}) or a header
 * file missing, of another kind or past WhatsApp's limits ({@link ActiveMessageHeaderFile}), 409
 * when the contact is being served by someone else.
 */
@Controller
record ActiveMessageController(
        ContactDirectory contacts,
        TemplateCatalog templates,
        TicketActions actions,
        AccessPolicy access,
        ActiveMessageHeaderFile headerFile,
        MessageSource messages) {

    private static final String FORM = "activeMessage";

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

    /**
     * An approved template as the component offers it, with its variables' starting values, and what the customer
     * sees around the body: the header (its text's preview, or the kind of file it asks for), footer and buttons.
     */
    public record TemplateOption(long id, String name, String language, String category, String body,
            List<Variable> variables, List<PreviewPart> preview, TemplateLayout layout,
            List<PreviewPart> headerPreview) {

        public boolean selected(Long selectedId) {
            return selectedId != null && selectedId == id;
        }

        /** The header's text with a variable the agent fills in, or null. */
        public String headerVariableText() {
            return layout.hasHeader() && layout.header().hasVariable() ? layout.header().text() : null;
        }
    }

    /** One {{n}} field. */
    public record Variable(int index, String value) {
    }

    @GetMapping("/desk/contacts/{contactId}/active-messages/new")
    String form(@PathVariable long contactId, @RequestParam Optional<Long> templateId, Model model) {
        ContactView contact = visibleContact(contactId);
        model.addAttribute("am", form(contact, templateId.orElse(null), false));
        return "fragments/active-message :: component";
    }

    @PostMapping("/desk/contacts/{contactId}/active-messages")
    String send(@PathVariable long contactId, @Valid @ModelAttribute(FORM) ActiveMessageForm message,
                BindingResult errors, Model model, HttpServletResponse response) throws IOException {
        ContactView contact = visibleContact(contactId);
        if (errors.hasErrors()) {
            return refused(errors, HttpStatus.UNPROCESSABLE_CONTENT, model, response);
        }
        access.require(contact.numberId(), Permission.ACTIVE_MESSAGE);
        TemplateView template = templates.approved(message.templateId(), contact.numberId())
                .orElseThrow(() -> new NotFoundException("template"));
        TemplateParameters.check(template, message.values()).ifPresent(refusal -> errors.rejectValue("values",
                "activeMessage.refused." + refusal.rule().name().toLowerCase(), new Object[] {refusal.argument()},
                null));
        HeaderCheck header = TemplateParameters.header(template, message.headerText());
        header.refusal().filter(refusal -> !errors.hasErrors()).ifPresent(refusal -> errors.reject(
                "activeMessage.refused." + refusal.rule().name().toLowerCase(), new Object[] {refusal.argument()},
                null));
        if (errors.hasErrors()) {
            return refused(errors, HttpStatus.UNPROCESSABLE_CONTENT, model, response);
        }
        TemplateHeader filled = template.layout().mediaHeader()
                ? new TemplateHeader(null, headerFile.keep(contact.numberId(), template.layout().header().format(),
                        message.headerFile()))
                : header.header();
        long messageId;
        try {
            messageId = actions.sendActiveMessage(contactId, template.id(),
                    TemplateParameters.stripped(message.values()), filled, access.currentUser().id());
        } catch (TicketConflictException conflict) {
            headerFile.discard(filled == null ? null : filled.media());
            errors.reject("activeMessage.refused." + conflict.reason());
            return refused(errors, HttpStatus.CONFLICT, model, response);
        } catch (RuntimeException refused) {
            headerFile.discard(filled == null ? null : filled.media());
            throw refused;
        }
        response.setHeader("HX-Trigger", """
                {"active-message-sent": {"contactId": %d, "messageId": %d}, \
                "desk-refresh-timeline": "", "desk-refresh-list": ""}""".formatted(contactId, messageId));
        model.addAttribute("am", form(contact, template.id(), true));
        return "fragments/active-message :: component";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return refusal(model, "activeMessage.refused.not-found", null);
    }

    /** A header file refused by WhatsApp's limits or the header's kind: nothing was kept. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String refusedFile(InvalidInputException refusal, Model model, Locale locale) {
        model.addAttribute("refusalText", messages.getMessage(refusal, locale));
        return "fragments/active-message :: refusal";
    }

    @ExceptionHandler(MediaTooLargeException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String tooLarge(Model model, Locale locale) {
        return refusedFile(new InvalidInputException("media.refused.tooLargeToUpload"), model, locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        return refusal(model, "activeMessage.refused.forbidden", null);
    }

    /** The form's first error in place of the component; a template id that is missing or no number asks for one. */
    private static String refused(BindingResult errors, HttpStatus status, Model model,
                                  HttpServletResponse response) {
        response.setStatus(status.value());
        ObjectError error = errors.getAllErrors().get(0);
        if (error instanceof FieldError field && field.getField().equals("templateId")) {
            return refusal(model, "activeMessage.refused.template", null);
        }
        Object[] arguments = error.getArguments();
        return refusal(model, error.getCode(), arguments == null || arguments.length == 0 ? null : arguments[0]);
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

    private static TemplateOption option(TemplateView template, String contactName) {
        List<String> values = TemplateParameters.startingValues(template, contactName);
        List<Variable> variables = IntStream.range(0, values.size())
                .mapToObj(i -> new Variable(i + 1, values.get(i)))
                .toList();
        TemplateLayout layout = template.layout();
        List<PreviewPart> headerPreview = layout.hasHeader() && layout.header().format() == HeaderFormat.TEXT
                ? TemplateParameters.preview(layout.header().text(), List.of()) : List.of();
        return new TemplateOption(template.id(), template.name(), template.language(), template.category().name(),
                template.body(), variables, TemplateParameters.preview(template.body(), values), layout,
                headerPreview);
    }
}
