package br.com.balcao.demo;

import br.com.balcao.demo.ChatScripts.Topic;
import br.com.balcao.demo.DemoCatalog.DemoNumber;
import br.com.balcao.demo.DemoCatalog.Template;
import br.com.balcao.demo.DemoCatalog.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Writes whole tickets: the customer's opening, the queue, the agent's service and the way it ended. */
final class TicketFactory {

    private static final Duration QUEUE_TIMEOUT = Duration.ofMinutes(120);
    private static final Duration INACTIVITY_TIMEOUT = Duration.ofMinutes(60);

    private final Random random;
    private final Instant absenceFrom;
    private final Instant absenceTo;

    TicketFactory(Random random, Instant now) {
        this.random = random;
        this.absenceFrom = now.minus(Duration.ofDays(45));
        this.absenceTo = now.minus(Duration.ofDays(42));
    }

    Episode closed(DemoNumber number, DemoContact contact, Instant start, String reason) {
        Topic topic = pick(ChatScripts.topics(number));
        Episode episode = new Episode(contact, start);
        DemoTicket ticket = new DemoTicket(number, contact, start);
        Conversation chat = new Conversation(random, number, contact, ticket, start);
        opening(chat, topic);
        absenceReply(chat, number);
        if ("LOST".equals(reason)) {
            leaveQueue(chat, ticket);
        } else {
            long agent = pick(number.agents());
            ticket.assign(agent, chat.pause(queueWait()));
            if ("ABANDONED".equals(reason)) {
                abandon(chat, ticket);
            } else {
                serve(chat, ticket, agent, topic, greeting(agent, number, contact));
                finish(chat, ticket, agent, reason, topic, episode);
            }
        }
        tag(ticket, topic);
        episode.add(ticket);
        episode.add(chat);
        return episode;
    }

    /** A ticket an agent opened with an approved template, then served to the end. */
    Episode active(DemoNumber number, DemoContact contact, Instant start, long agent, Template template,
                   List<String> parameters) {
        Topic topic = pick(ChatScripts.topics(number));
        Episode episode = new Episode(contact, start);
        DemoTicket ticket = new DemoTicket(number, contact, start);
        ticket.openedByActiveMessage = true;
        ticket.assign(agent, start);
        Conversation chat = new Conversation(random, number, contact, ticket, start);
        chat.template(agent, template, parameters);
        if (random.nextInt(100) < 15) {
            ticket.close("CLIENT_INACTIVITY", start.plus(INACTIVITY_TIMEOUT));
        } else {
            chat.pauseSeconds(120, 5_400);
            chat.customer(pick(ChatScripts.ACTIVE_REPLIES));
            chat.customerPause();
            chat.customer(pick(topic.questions()));
            exchange(chat, agent, topic, 1 + random.nextInt(2));
            finish(chat, ticket, agent, "ATTENDANT", topic, episode);
        }
        tag(ticket, topic);
        episode.add(ticket);
        episode.add(chat);
        return episode;
    }

    /** A ticket still in progress now: WAITING, ASSIGNED or OPEN. */
    Episode unclosed(DemoNumber number, DemoContact contact, Instant start, String status, Long agent) {
        Topic topic = pick(ChatScripts.topics(number));
        Episode episode = new Episode(contact, start);
        DemoTicket ticket = new DemoTicket(number, contact, start);
        ticket.status = "WAITING";
        Conversation chat = new Conversation(random, number, contact, ticket, start);
        opening(chat, topic);
        if (!"WAITING".equals(status)) {
            ticket.assign(agent, chat.pauseSeconds(20, 240));
        }
        if ("OPEN".equals(status)) {
            serve(chat, ticket, agent, topic, greeting(agent, number, contact));
            if (random.nextBoolean()) {
                chat.customerPause();
                chat.customer(pick(topic.replies()));
            }
        } else if (random.nextBoolean()) {
            chat.customerPause();
            chat.customer(pick(ChatScripts.NUDGES));
        }
        episode.add(ticket);
        episode.add(chat);
        return episode;
    }

    private void opening(Conversation chat, Topic topic) {
        int hour = chat.at().atZone(ServiceHours.ZONE).getHour();
        String greeting = random.nextBoolean() ? ChatScripts.greeting(hour) : pick(ChatScripts.GREETINGS);
        int roll = random.nextInt(1_000);
        if (roll < 5) {
            chat.customer("<b>oi</b>");
            chat.pauseSeconds(5, 40);
            chat.customer(pick(topic.questions()));
        } else if (roll < 600) {
            chat.customer(greeting + (greeting.endsWith("?") ? " " : "! ") + pick(topic.questions()));
        } else {
            chat.customer(greeting);
            chat.pauseSeconds(5, 60);
            chat.customer(pick(topic.questions()));
        }
        if (random.nextInt(100) < 20) {
            chat.pauseSeconds(10, 90);
            chat.customerAttachment(pick(topic.attachments()));
        }
    }

    private void absenceReply(Conversation chat, DemoNumber number) {
        if (number.id() == DemoCatalog.LOJA_ONLINE.id()
                && chat.at().isAfter(absenceFrom) && chat.at().isBefore(absenceTo)) {
            chat.pauseSeconds(1, 3);
            DemoCatalog.Absence absence = DemoCatalog.ABSENCES.get(1);
            chat.automation("ABSENCE", absence.message() + "\n" + absence.suggestedName() + ": "
                    + absence.suggestedPhone());
        }
    }

    private void leaveQueue(Conversation chat, DemoTicket ticket) {
        if (random.nextBoolean()) {
            chat.pause(Duration.ofMinutes(3 + random.nextInt(60)));
            chat.customer("sair");
            ticket.close("LOST", chat.at());
        } else {
            ticket.close("LOST", ticket.lastCustomerMessageAt.plus(QUEUE_TIMEOUT));
        }
    }

    private void abandon(Conversation chat, DemoTicket ticket) {
        chat.customerPause();
        chat.customer(pick(ChatScripts.NUDGES));
        if (random.nextBoolean()) {
            chat.customerPause();
            chat.customer("sair");
            ticket.close("ABANDONED", chat.at());
        } else {
            ticket.close("ABANDONED", chat.at().plus(INACTIVITY_TIMEOUT));
        }
    }

    private void serve(Conversation chat, DemoTicket ticket, long agent, Topic topic, String greeting) {
        chat.agentPause();
        chat.agent(agent, greeting);
        exchange(chat, agent, topic, 1 + random.nextInt(2));
    }

    /** Rounds of an agent answer and a customer reply; nobody repeats themselves within one exchange. */
    private void exchange(Conversation chat, long agent, Topic topic, int rounds) {
        int answer = random.nextInt(topic.answers().size());
        int reply = random.nextInt(topic.replies().size());
        for (int round = 0; round < rounds; round++) {
            chat.agentPause();
            if (topic == ChatScripts.FINANCEIRO && random.nextInt(100) < 30) {
                chat.agentAttachment(agent, ChatScripts.BOLETO);
            } else {
                chat.agent(agent, topic.answers().get((answer + round) % topic.answers().size()));
            }
            chat.customerPause();
            int roll = random.nextInt(100);
            if (roll < 8) {
                chat.customerAttachment(ChatScripts.VOICE);
            } else if (roll < 14) {
                chat.customerAttachment(pick(topic.attachments()));
            } else {
                chat.customer(topic.replies().get((reply + round) % topic.replies().size()));
            }
        }
    }

    private void finish(Conversation chat, DemoTicket ticket, long agent, String reason, Topic topic,
                        Episode episode) {
        User user = DemoCatalog.user(agent);
        chat.agentPause();
        switch (reason) {
            case "ATTENDANT" -> {
                if (random.nextInt(100) < 60) {
                    chat.agent(agent, pick(ChatScripts.ANYTHING_ELSE));
                    chat.customerPause();
                    chat.customer(pick(ChatScripts.THANKS));
                    chat.pauseSeconds(10, 90);
                }
                chat.agent(agent, thanks(user) + " pelo contato"
                        + (ticket.contact.callName() == null ? "" : ", " + ticket.contact.callName())
                        + "! Tenha um ótimo dia.");
                ticket.close(reason, chat.pauseSeconds(5, 120));
            }
            case "CLIENT" -> {
                chat.agent(agent, pick(ChatScripts.ANYTHING_ELSE));
                chat.customerPause();
                chat.customer("sair");
                ticket.close(reason, chat.at());
            }
            case "CLIENT_INACTIVITY" -> {
                chat.agent(agent, "Ainda está por aí? Se precisar, é só chamar.");
                ticket.close(reason, chat.at().plus(INACTIVITY_TIMEOUT));
            }
            case "TRANSFERRED" -> transfer(chat, ticket, agent, topic, episode);
            default -> throw new IllegalArgumentException(reason);
        }
    }

    private void transfer(Conversation chat, DemoTicket ticket, long agent, Topic topic, Episode episode) {
        long other = agent;
        while (other == agent) {
            other = pick(ticket.number.agents());
        }
        chat.agent(agent, "Vou transferir você para " + article(other) + " " + DemoCatalog.user(other).firstName()
                + ", que cuida desse assunto. Só um momento!");
        Instant at = chat.pauseSeconds(5, 60);
        ticket.close("TRANSFERRED", at);
        DemoTicket child = new DemoTicket(ticket.number, ticket.contact, at);
        child.parent = ticket;
        child.assign(other, at);
        chat.switchTo(child);
        serve(chat, child, other, topic, "Olá! Aqui é " + article(other) + " " + DemoCatalog.user(other).firstName()
                + ", vou dar continuidade ao seu atendimento.");
        finish(chat, child, other, random.nextInt(100) < 80 ? "ATTENDANT" : "CLIENT", topic, episode);
        tag(child, topic);
        episode.add(child);
    }

    private void tag(DemoTicket ticket, Topic topic) {
        boolean served = ticket.firstResponseAt != null;
        if (random.nextInt(100) < (served ? 75 : 20)) {
            ticket.tagIds.add(DemoCatalog.tagId(topic.tag()));
        }
        if (served && random.nextInt(100) < 8) {
            ticket.tagIds.add(DemoCatalog.tagId("Urgente"));
        }
    }

    private String greeting(long agent, DemoNumber number, DemoContact contact) {
        String name = contact.callName();
        return "Olá" + (name == null ? "" : ", " + name) + "! Aqui é " + article(agent) + " "
                + DemoCatalog.user(agent).firstName() + ", da " + number.name() + ". Como posso ajudar?";
    }

    private static String article(long user) {
        return DemoCatalog.user(user).female() ? "a" : "o";
    }

    private static String thanks(User user) {
        return user.female() ? "Obrigada" : "Obrigado";
    }

    private Duration queueWait() {
        int roll = random.nextInt(100);
        int seconds = roll < 70 ? 10 + random.nextInt(170) : roll < 95 ? 180 + random.nextInt(720)
                : 900 + random.nextInt(2_700);
        return Duration.ofSeconds(seconds);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
