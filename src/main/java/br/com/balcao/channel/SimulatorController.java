package br.com.balcao.channel;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.live.LiveStreams;
import br.com.balcao.media.MediaKind;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.Phones;
import br.com.balcao.channel.SimulatedCustomer.Context;
import br.com.balcao.channel.SimulatedCustomer.Customer;
import br.com.balcao.channel.SimulatorThread.Target;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.TicketActions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The customer simulator of the demo: write to a number as a customer and see what comes back. It shows and
 * writes any customer's conversation, so it is for managers and admins (403 for agents), on the numbers they
 * see (another number is 404, as everywhere).
 */
@Controller
@Profile("demo")
@RequestMapping("/simulator")
record SimulatorController(
        AccessPolicy access,
        ContactDirectory contacts,
        SimulatorThread thread,
        SimulatedCustomer customer,
        LiveStreams streams) {

    static final int MAX_TEXT = 4096;
    /** WhatsApp's limit on a media message's caption. */
    static final int MAX_CAPTION = 1024;
    /** The quick reactions the phone offers first. */
    /** The customer picks from the emoji the business reacts with. */
    static final List<String> REACTIONS = TicketActions.REACTIONS;
    private static final int THREAD_LENGTH = 60;

    @GetMapping
    String page(@RequestParam Optional<Long> numberId, @RequestParam(defaultValue = "+55 11 98765-4321") String phone,
                @RequestParam(required = false) String name, Model model) {
        access.requireManager();
        List<NumberView> visible = access.visibleNumbers();
        NumberView number = numberId.map(access::requireVisible).orElse(visible.isEmpty() ? null : visible.get(0));
        model.addAttribute("numbers", visible);
        model.addAttribute("number", number);
        model.addAttribute("phone", phone);
        model.addAttribute("name", name == null ? "Cliente Teste" : name);
        model.addAttribute("fileTypes", MediaKind.acceptedTypes());
        addThread(model, number, phone);
        return "channel/simulator";
    }

    @GetMapping("/thread")
    String thread(@RequestParam long numberId, @RequestParam String phone, Model model) {
        addThread(model, number(numberId), phone);
        return "channel/simulator :: thread";
    }

    /** What the customer writes, from the phone-style composer, replying to the business's message {@code replyTo}. */
    record CustomerMessage(long numberId, String phone, String name, Long replyTo,
            @NotBlank(message = "{simulator.error.text}") @Size(max = MAX_TEXT, message = "{simulator.error.text}") String text) {
    }

    /** The thread with the message; a refused one (422) shows the thread with the reason on top. */
    @PostMapping("/messages")
    String send(@Valid @ModelAttribute("message") CustomerMessage message, BindingResult result, Model model,
                HttpServletResponse response) {
        NumberView number = number(message.numberId());
        Context context = context(number, message.phone(), message.replyTo());
        accepted(result, response, () -> customer.write(customer(number, message.phone(), message.name()),
                message.text(), context));
        addThread(model, number, message.phone());
        return "channel/simulator :: thread";
    }

    /**
     * A photo, document, audio or video the customer sends, with a caption where WhatsApp takes one; or, with
     * {@code voice}, a voice note recorded in the page.
     */
    record CustomerFile(long numberId, String phone, String name, Long replyTo, MultipartFile file, Boolean voice,
            @Size(max = MAX_CAPTION, message = "{simulator.error.caption}") String caption) {

        @AssertTrue(message = "{simulator.error.noFile}")
        public boolean isChosen() {
            return file != null && !file.isEmpty();
        }
    }

    /** The thread with the file's message; a file WhatsApp would not carry is refused (422), nothing sent. */
    @PostMapping("/files")
    String sendFile(@Valid @ModelAttribute("message") CustomerFile file, BindingResult result, Model model,
                    HttpServletResponse response) {
        NumberView number = number(file.numberId());
        Context context = context(number, file.phone(), file.replyTo());
        accepted(result, response, () -> {
            try (InputStream content = file.file().getInputStream()) {
                Customer sender = customer(number, file.phone(), file.name());
                if (Boolean.TRUE.equals(file.voice())) {
                    customer.sendVoiceNote(sender, content, file.file().getContentType(), context);
                } else {
                    customer.sendFile(sender, content, file.file().getContentType(), file.file().getOriginalFilename(),
                            file.caption(), context);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        addThread(model, number, file.phone());
        return "channel/simulator :: thread";
    }

    /** The customer's reaction to a business message: one of the phone's quick reactions. */
    record CustomerReaction(long numberId, String phone, String name, long messageId, String emoji) {

        @AssertTrue(message = "{simulator.error.emoji}")
        public boolean isQuickReaction() {
            return REACTIONS.contains(emoji);
        }
    }

    /** Reacts with the emoji; the same emoji again removes the reaction, as on the phone. */
    @PostMapping("/reactions")
    String react(@Valid @ModelAttribute("message") CustomerReaction reaction, BindingResult result, Model model,
                 HttpServletResponse response) {
        NumberView number = number(reaction.numberId());
        Target target = thread.target(contactId(number, reaction.phone()), reaction.messageId());
        String emoji = reaction.emoji() != null && reaction.emoji().equals(target.customerReaction()) ? ""
                : reaction.emoji();
        accepted(result, response, () -> customer.react(customer(number, reaction.phone(), reaction.name()),
                target.wamid(), emoji));
        addThread(model, number, reaction.phone());
        return "channel/simulator :: thread";
    }

    @GetMapping("/events")
    SseEmitter events(@RequestParam long numberId, @RequestParam String phone) throws IOException {
        number(numberId);
        String waId = Phones.parse(phone).map(Phones.Phone::digits).orElse("");
        return streams.open(event -> event.numberId() == numberId && event.contactId() != null
                && contacts.find(event.contactId()).map(contact -> waId.equals(digitsOf(contact))).orElse(false));
    }

    private void addThread(Model model, NumberView number, String phone) {
        Optional<ContactView> contact = number == null ? Optional.empty() : contact(number, phone);
        model.addAttribute("number", number);
        model.addAttribute("phone", phone);
        model.addAttribute("zone", number == null ? java.time.ZoneId.of("America/Sao_Paulo") : number.zone());
        model.addAttribute("reactions", REACTIONS);
        model.addAttribute("thread", contact.map(c -> thread.latest(c.id(), THREAD_LENGTH)).orElse(List.of()));
    }

    private Optional<ContactView> contact(NumberView number, String phone) {
        return Phones.parse(phone).flatMap(p -> contacts.findByWaId(number.id(), p.digits()));
    }

    /** The customer's contact; 404 when the app has none, as then no message of theirs can be named. */
    private long contactId(NumberView number, String phone) {
        return contact(number, phone).map(ContactView::id).orElseThrow(() -> new NotFoundException("contact"));
    }

    /** The business's message replied to, as the phone names it; null when the message replies to nothing. */
    private Context context(NumberView number, String phone, Long replyTo) {
        return replyTo == null ? null : new Context(number.displayPhone().replaceAll("[^0-9]", ""),
                thread.target(contactId(number, phone), replyTo).wamid());
    }

    private static Customer customer(NumberView number, String phone, String name) {
        return new Customer(number.phoneNumberId(), phone, name);
    }

    /** The number, when the user may play its customers. */
    private NumberView number(long numberId) {
        access.requireManager();
        return access.requireVisible(numberId);
    }

    private static String digitsOf(ContactView contact) {
        return contact.phoneE164().substring(1);
    }
}
