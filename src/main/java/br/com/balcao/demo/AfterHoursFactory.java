package br.com.balcao.demo;

import br.com.balcao.demo.ChatScripts.Topic;
import br.com.balcao.demo.DemoCatalog.DemoNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A customer writing outside service hours: the automatic reply with the next opening, the optional "1" asking for
 * a return, the after-hours record and, sometimes, the agent's active message once the number opens.
 */
final class AfterHoursFactory {

    private static final DateTimeFormatter OPENING = DateTimeFormatter
            .ofPattern("EEEE, dd/MM, 'às' HH:mm", Locale.forLanguageTag("pt-BR"));

    private final Random random;
    private final TicketFactory tickets;
    private final Instant now;

    AfterHoursFactory(Random random, TicketFactory tickets, Instant now) {
        this.random = random;
        this.tickets = tickets;
        this.now = now;
    }

    Episode episode(DemoNumber number, DemoContact contact, Instant at) {
        Instant nextOpening = number.hours().nextOpening(at);
        Topic topic = ChatScripts.topics(number).get(random.nextInt(ChatScripts.topics(number).size()));
        Episode episode = new Episode(contact, at);
        Conversation chat = new Conversation(random, number, contact, null, at);
        chat.customer(ChatScripts.greeting(at.atZone(ServiceHours.ZONE).getHour()) + "! "
                + topic.questions().get(random.nextInt(topic.questions().size())));
        chat.pauseSeconds(1, 4);
        chat.automation("AFTER_HOURS", reply(number, nextOpening));
        String returnRequested = "UNKNOWN";
        if (number.notifyNextOpening()) {
            returnRequested = random.nextInt(100) < 55 ? "YES" : "NO";
            if ("YES".equals(returnRequested)) {
                chat.pauseSeconds(20, 300);
                chat.customer("1");
                chat.pauseSeconds(1, 3);
                chat.automation("RETURN_REQUESTED", "Combinado! Avisaremos você assim que o atendimento abrir.");
            }
        } else if (random.nextInt(100) < 30) {
            chat.customerPause();
            chat.customer("Ok, aguardo.");
        }
        episode.add(chat);
        episode.busyUntil = nextOpening;

        Instant sentAt = null;
        Long sentBy = null;
        if (random.nextInt(100) < activeMessageChance(returnRequested)) {
            long agent = number.activeMessageAgents().get(random.nextInt(number.activeMessageAgents().size()));
            Instant start = nextOpening.plus(Duration.ofMinutes(3 + random.nextInt(120)));
            Episode followUp = tickets.active(number, contact, start, agent, DemoCatalog.RETORNO,
                    List.of(contact.callName() == null ? "cliente" : contact.callName(), number.name()));
            if (followUp.lastActivity().isBefore(now.minusSeconds(60))) {
                episode.merge(followUp);
                sentAt = start;
                sentBy = agent;
            }
        }
        episode.afterHours = new DemoDataset.AfterHoursContact(number, contact, at, nextOpening, returnRequested,
                sentAt, sentBy);
        return episode;
    }

    private static int activeMessageChance(String returnRequested) {
        return switch (returnRequested) {
            case "YES" -> 70;
            case "NO" -> 10;
            default -> 35;
        };
    }

    private static String reply(DemoNumber number, Instant nextOpening) {
        String text = number.afterHoursMessage() + "\nVoltamos a atender " + OPENING.format(
                nextOpening.atZone(ServiceHours.ZONE)) + ".";
        return number.notifyNextOpening()
                ? text + "\nResponda 1 se quiser que a gente chame você quando o atendimento abrir."
                : text;
    }
}
