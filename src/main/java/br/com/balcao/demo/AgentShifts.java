package br.com.balcao.demo;

import br.com.balcao.demo.DemoDataset.StatusChange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The agents' status history: two weeks of shifts with lunch breaks, ending in their current status. */
final class AgentShifts {

    private static final int DAYS = 14;
    private static final Map<Long, LocalTime> SHIFT_STARTS = Map.of(
            DemoCatalog.ANA, LocalTime.of(8, 0),
            DemoCatalog.BRUNO, LocalTime.of(12, 0),
            DemoCatalog.CARLA, LocalTime.of(8, 0),
            DemoCatalog.DIEGO, LocalTime.of(9, 0));

    private final Random random;

    AgentShifts(Random random) {
        this.random = random;
    }

    List<StatusChange> history(Instant now) {
        List<StatusChange> changes = new ArrayList<>();
        LocalDate today = now.atZone(ServiceHours.ZONE).toLocalDate();
        for (DemoCatalog.User user : DemoCatalog.USERS) {
            LocalTime shiftStart = SHIFT_STARTS.get(user.id());
            if (shiftStart == null) {
                continue;
            }
            List<StatusChange> own = new ArrayList<>();
            for (int daysAgo = DAYS; daysAgo >= 0; daysAgo--) {
                LocalDate day = today.minusDays(daysAgo);
                if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    shift(user.id(), day, shiftStart, own);
                }
            }
            Instant recent = now.minus(Duration.ofMinutes(65));
            own.removeIf(change -> change.changedAt().isAfter(recent));
            if (own.isEmpty() || !own.get(own.size() - 1).status().equals(user.status())) {
                own.add(new StatusChange(user.id(), user.status(), now.minus(Duration.ofMinutes(5 + random.nextInt(55)))));
            }
            changes.addAll(own);
        }
        return changes;
    }

    private void shift(long user, LocalDate day, LocalTime start, List<StatusChange> changes) {
        Instant online = at(day, start).plus(minutes(-10, 20));
        Instant lunch = at(day, start.plusHours(4)).plus(minutes(-15, 15));
        Instant back = lunch.plus(minutes(45, 75));
        Instant off = at(day, start.plusHours(9)).plus(minutes(-20, 30));
        changes.add(new StatusChange(user, "ONLINE", online));
        changes.add(new StatusChange(user, "BREAK", lunch));
        changes.add(new StatusChange(user, "ONLINE", back));
        if (random.nextInt(100) < 30) {
            Instant hidden = back.plus(minutes(60, 180));
            changes.add(new StatusChange(user, "INVISIBLE", hidden));
            changes.add(new StatusChange(user, "ONLINE", hidden.plus(minutes(10, 25))));
        }
        changes.add(new StatusChange(user, "OFFLINE", off));
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ServiceHours.ZONE).toInstant();
    }

    private Duration minutes(int min, int max) {
        return Duration.ofMinutes(min + random.nextInt(max - min + 1));
    }
}
