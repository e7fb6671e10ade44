package br.com.balcao.demo;

import static br.com.balcao.demo.DemoCatalog.ANA;
import static br.com.balcao.demo.DemoCatalog.ASSISTENCIA;
import static br.com.balcao.demo.DemoCatalog.BRUNO;
import static br.com.balcao.demo.DemoCatalog.CARLA;
import static br.com.balcao.demo.DemoCatalog.LOJA_CENTRO;
import static br.com.balcao.demo.DemoCatalog.LOJA_ONLINE;

import br.com.balcao.demo.DemoCatalog.DemoNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Builds the whole demo history in memory, deterministically from a fixed seed and the given "now". */
final class DemoGenerator {

    static final long SEED = 20261122L;
    private static final Duration HISTORY = Duration.ofDays(100);
    private static final int ATTEMPTS = 60;

    private record Unclosed(DemoNumber number, String status, Long agent, int count) {
    }

    private static final List<Unclosed> UNCLOSED = List.of(
            new Unclosed(LOJA_CENTRO, "WAITING", null, 3),
            new Unclosed(LOJA_CENTRO, "ASSIGNED", ANA, 1),
            new Unclosed(LOJA_CENTRO, "OPEN", ANA, 2),
            new Unclosed(LOJA_ONLINE, "WAITING", null, 2),
            new Unclosed(LOJA_ONLINE, "ASSIGNED", ANA, 1),
            new Unclosed(LOJA_ONLINE, "ASSIGNED", BRUNO, 1),
            new Unclosed(LOJA_ONLINE, "OPEN", ANA, 1),
            new Unclosed(LOJA_ONLINE, "OPEN", BRUNO, 2),
            new Unclosed(ASSISTENCIA, "WAITING", null, 2),
            new Unclosed(ASSISTENCIA, "ASSIGNED", CARLA, 2),
            new Unclosed(ASSISTENCIA, "OPEN", CARLA, 3));

    private static final Map<Long, Integer> CONTACTS = Map.of(1L, 1350, 2L, 1050, 3L, 600);
    private static final Map<Long, Integer> TICKETS = Map.of(1L, 2500, 2L, 2000, 3L, 1100);
    private static final String[] REASONS = {
            "ATTENDANT", "ATTENDANT", "ATTENDANT", "ATTENDANT", "ATTENDANT", "ATTENDANT", "ATTENDANT", "ATTENDANT",
            "ATTENDANT", "ATTENDANT", "ATTENDANT", "ATTENDANT", "CLIENT", "CLIENT", "CLIENT_INACTIVITY",
            "CLIENT_INACTIVITY", "TRANSFERRED", "LOST", "LOST", "ABANDONED"};
    private static final List<String> DEVICES = List.of("notebook", "celular", "videogame", "micro-ondas", "tablet");

    private final Random random = new Random(SEED);
    private final Instant now;
    private final DemoDataset data;
    private final TicketFactory tickets;
    private final AfterHoursFactory afterHours;
    private final Map<Long, List<DemoContact>> contactsByNumber = new HashMap<>();

    DemoGenerator(Instant now) {
        this.now = now;
        this.data = new DemoDataset(now);
        this.tickets = new TicketFactory(random, now);
        this.afterHours = new AfterHoursFactory(random, tickets, now);
    }

    DemoDataset generate() {
        ContactFactory contactFactory = new ContactFactory(random);
        List<DemoContact> all = new ArrayList<>();
        for (DemoNumber number : DemoCatalog.NUMBERS) {
            List<DemoContact> contacts = contactFactory.create(number, CONTACTS.get(number.id()), all);
            contactsByNumber.put(number.id(), contacts);
            all.addAll(contacts);
        }
        data.contacts.addAll(all);
        for (Unclosed unclosed : UNCLOSED) {
            for (int i = 0; i < unclosed.count(); i++) {
                unclosed(unclosed);
            }
        }
        for (DemoNumber number : List.of(LOJA_CENTRO, LOJA_ONLINE)) {
            Instant weekAgo = now.minus(Duration.ofDays(7)).plus(Duration.ofHours(1));
            attempt(() -> afterHours.episode(number, pickNameless(number), afterHoursInstant(number, weekAgo, now)));
            afterHours(number, 29, weekAgo, now);
            afterHours(number, 90, now.minus(HISTORY), now.minus(Duration.ofDays(7)));
        }
        for (DemoNumber number : DemoCatalog.NUMBERS) {
            history(number);
        }
        data.statusChanges.addAll(new AgentShifts(random).history(now));
        new DatasetFinisher(random).finish(data);
        return data;
    }

    private void unclosed(Unclosed unclosed) {
        int maxMinutes = switch (unclosed.status()) {
            case "WAITING" -> 25;
            case "ASSIGNED" -> 35;
            default -> 50;
        };
        attempt(() -> {
            Instant start = now.minus(Duration.ofSeconds(120 + random.nextInt(maxMinutes * 60 - 120)));
            Episode episode = tickets.unclosed(unclosed.number(), pick(unclosed.number()), start,
                    unclosed.status(), unclosed.agent());
            episode.busyUntil = now.plus(Duration.ofDays(3650));
            return episode;
        });
    }

    private void afterHours(DemoNumber number, int count, Instant from, Instant to) {
        for (int i = 0; i < count; i++) {
            attempt(() -> afterHours.episode(number, pick(number), afterHoursInstant(number, from, to)));
        }
    }

    private void history(DemoNumber number) {
        for (int i = 0; i < TICKETS.get(number.id()); i++) {
            attempt(() -> {
                DemoContact contact = pick(number);
                Instant start = ticketStart(number);
                if (number == ASSISTENCIA && random.nextInt(100) < 3) {
                    return tickets.active(number, contact, start, CARLA, DemoCatalog.ORCAMENTO, List.of(
                            contact.callName() == null ? "cliente" : contact.callName(),
                            DEVICES.get(random.nextInt(DEVICES.size()))));
                }
                return tickets.closed(number, contact, start, REASONS[random.nextInt(REASONS.length)]);
            });
        }
    }

    /** Keeps the first candidate that lies in the past and does not overlap the contact's other conversations. */
    private void attempt(Supplier<Episode> candidates) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Episode episode = candidates.get();
            Instant end = episode.end();
            if (episode.lastActivity().isBefore(now.minusSeconds(30)) && episode.contact.isFree(episode.start, end)) {
                episode.contact.occupy(episode.start, end);
                data.add(episode);
                return;
            }
        }
    }

    /** Most customers talk now and then, a few very often, and a tenth never wrote (imported contacts). */
    private DemoContact pick(DemoNumber number) {
        List<DemoContact> contacts = contactsByNumber.get(number.id());
        int talking = contacts.size() * 9 / 10;
        return contacts.get((int) (talking * Math.pow(random.nextDouble(), 1.3)));
    }

    /** Someone without a WhatsApp profile name, so that "(No name)" shows in the lists. */
    private DemoContact pickNameless(DemoNumber number) {
        List<DemoContact> nameless = contactsByNumber.get(number.id()).stream()
                .filter(contact -> contact.name == null).toList();
        return nameless.get(random.nextInt(nameless.size()));
    }

    /** Busier in the morning and mid-afternoon; numbers with hours only get tickets while open. */
    private Instant ticketStart(DemoNumber number) {
        while (true) {
            Instant at = between(now.minus(HISTORY), now);
            int hour = at.atZone(ServiceHours.ZONE).getHour();
            double weight;
            if (number.hours().isAlwaysOpen()) {
                weight = hour >= 8 && hour < 20 ? 1.0 : 0.15;
            } else if (number.hours().isOpen(at)) {
                weight = (hour >= 9 && hour < 12) || (hour >= 14 && hour < 17) ? 1.0 : 0.6;
            } else {
                weight = 0;
            }
            if (random.nextDouble() < weight) {
                return at;
            }
        }
    }

    /** Mostly evenings; some early mornings, lunch breaks and Sundays; few in the dead of night. */
    private Instant afterHoursInstant(DemoNumber number, Instant from, Instant to) {
        while (true) {
            Instant at = between(from, to);
            if (number.hours().isOpen(at)) {
                continue;
            }
            int hour = at.atZone(ServiceHours.ZONE).getHour();
            double weight = hour >= 18 && hour < 23 ? 1.0 : hour >= 6 && hour < 8 ? 0.6 : hour < 6 ? 0.08 : 0.5;
            if (random.nextDouble() < weight) {
                return at;
            }
        }
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }
}
