package br.com.balcao.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A generated contact, plus the periods its conversations already take so that they never overlap. */
final class DemoContact {

    private static final Duration MARGIN = Duration.ofMinutes(15);

    long id;
    final long numberId;
    final String digits;
    final String name;
    String email;
    String city;
    String document;
    String extraFields = "{}";
    Instant createdAt;
    Instant lastInteractionAt;
    Instant lastInboundAt;
    private final List<Instant[]> busy = new ArrayList<>();

    DemoContact(long numberId, String digits, String name) {
        this.numberId = numberId;
        this.digits = digits;
        this.name = name;
    }

    String phone() {
        return "+" + digits;
    }

    /** How an agent would call the contact: the first name, capitalised, or the whole nickname. */
    String callName() {
        if (name == null) {
            return null;
        }
        String call = DemoNames.NICKNAMES.contains(name) ? name : name.split(" ")[0];
        return Character.toUpperCase(call.charAt(0)) + call.substring(1);
    }

    boolean isFree(Instant from, Instant to) {
        Instant start = from.minus(MARGIN);
        Instant end = to.plus(MARGIN);
        return busy.stream().noneMatch(period -> period[0].isBefore(end) && start.isBefore(period[1]));
    }

    void occupy(Instant from, Instant to) {
        busy.add(new Instant[] {from, to});
    }
}
