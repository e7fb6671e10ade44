package br.com.balcao.channel;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.live.LiveStreams;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.Phones;
import br.com.balcao.tickets.MessageLog;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
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
        MessageLog messageLog,
        SimulatedCustomer customer,
        LiveStreams streams) {

    static final int MAX_TEXT = 4096;
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
        addThread(model, number, phone);
        return "channel/simulator";
    }

    @GetMapping("/thread")
    String thread(@RequestParam long numberId, @RequestParam String phone, Model model) {
        addThread(model, number(numberId), phone);
        return "channel/simulator :: thread";
    }

    /** What the customer writes, from the phone-style composer. */
    record CustomerMessage(long numberId, String phone, String name,
            @NotBlank(message = "{simulator.error.text}") @Size(max = MAX_TEXT, message = "{simulator.error.text}") String text) {
    }

    /** The thread with the message; a refused one (422) shows the thread with the reason on top. */
    @PostMapping("/messages")
    String send(@Valid @ModelAttribute("message") CustomerMessage message, BindingResult result, Model model,
                HttpServletResponse response) {
        NumberView number = number(message.numberId());
        accepted(result, response,
                () -> customer.write(number.phoneNumberId(), message.phone(), message.name(), message.text()));
        addThread(model, number, message.phone());
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
        Optional<ContactView> contact = number == null ? Optional.empty()
                : Phones.parse(phone).flatMap(p -> contacts.findByWaId(number.id(), p.digits()));
        model.addAttribute("number", number);
        model.addAttribute("phone", phone);
        model.addAttribute("zone", number == null ? java.time.ZoneId.of("America/Sao_Paulo") : number.zone());
        model.addAttribute("thread", contact.map(c -> messageLog.latestOf(c.id(), THREAD_LENGTH)).orElse(List.of()));
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
