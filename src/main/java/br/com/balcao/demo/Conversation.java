package br.com.balcao.demo;

import br.com.balcao.demo.ChatScripts.Attachment;
import br.com.balcao.demo.DemoCatalog.DemoNumber;
import br.com.balcao.demo.DemoCatalog.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Writes one exchange of messages, moving its own clock forward by human-looking pauses. */
final class Conversation {

    private final Random random;
    private final DemoNumber number;
    private final DemoContact contact;
    private DemoTicket ticket;
    private Instant at;
    private final List<DemoMessage> messages = new ArrayList<>();

    Conversation(Random random, DemoNumber number, DemoContact contact, DemoTicket ticket, Instant start) {
        this.random = random;
        this.number = number;
        this.contact = contact;
        this.ticket = ticket;
        this.at = start;
    }

    Instant at() {
        return at;
    }

    List<DemoMessage> messages() {
        return messages;
    }

    void switchTo(DemoTicket next) {
        ticket = next;
    }

    Instant pause(Duration duration) {
        at = at.plus(duration);
        return at;
    }

    Instant pauseSeconds(int min, int max) {
        return pause(Duration.ofSeconds(min + random.nextInt(max - min + 1)));
    }

    /** A customer takes a while to read and type; now and then much longer. */
    Instant customerPause() {
        int roll = random.nextInt(100);
        return roll < 70 ? pauseSeconds(15, 240) : roll < 95 ? pauseSeconds(240, 1_200) : pauseSeconds(1_200, 3_000);
    }

    Instant agentPause() {
        return random.nextInt(100) < 80 ? pauseSeconds(20, 180) : pauseSeconds(180, 720);
    }

    DemoMessage customer(String text) {
        DemoMessage message = add("CUSTOMER", null);
        message.body = text;
        if (ticket != null) {
            ticket.lastCustomerMessageAt = at;
        }
        return message;
    }

    DemoMessage customerAttachment(Attachment attachment) {
        DemoMessage message = customer(null);
        message.type = attachment.type();
        if ("LOCATION".equals(attachment.type())) {
            message.latitude = -23.55 + random.nextDouble() * 0.2;
            message.longitude = -46.70 + random.nextDouble() * 0.2;
            message.body = "Rua das Acácias, " + (10 + random.nextInt(900));
        } else {
            media(message, attachment);
        }
        return message;
    }

    DemoMessage agent(long agentId, String text) {
        DemoMessage message = add("AGENT", agentId);
        message.body = text;
        if (ticket != null) {
            ticket.respond(at);
        }
        return message;
    }

    DemoMessage agentAttachment(long agentId, Attachment attachment) {
        DemoMessage message = agent(agentId, null);
        message.type = attachment.type();
        media(message, attachment);
        return message;
    }

    DemoMessage automation(String automation, String text) {
        DemoMessage message = add("AUTOMATION", null);
        message.automation = automation;
        message.body = text;
        return message;
    }

    DemoMessage template(long agentId, Template template, List<String> parameters) {
        DemoMessage message = agent(agentId, render(template.body(), parameters));
        message.type = "TEMPLATE";
        message.templateName = template.name();
        message.templateLanguage = "pt_BR";
        message.templateParams = parameters.stream()
                .map(parameter -> "\"" + parameter.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
        return message;
    }

    private DemoMessage add(String authorType, Long authorUserId) {
        DemoTicket owner = "AUTOMATION".equals(authorType) ? null : ticket;
        DemoMessage message = new DemoMessage(number.id(), contact, owner, authorType, authorUserId, at);
        messages.add(message);
        return message;
    }

    private void media(DemoMessage message, Attachment attachment) {
        message.hasMedia = true;
        message.mediaMimeType = attachment.mimeType();
        message.mediaFileName = attachment.fileName();
        message.mediaCaption = attachment.caption();
    }

    private static String render(String body, List<String> parameters) {
        String text = body;
        for (int i = 0; i < parameters.size(); i++) {
            text = text.replace("{{" + (i + 1) + "}}", parameters.get(i));
        }
        return text;
    }
}
