package br.com.balcao.monitoring;

import br.com.balcao.security.AgentStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figure cards, section by section, in the order the page shows them. A new figure is one line
 * here, plus its value in {@link Dashboard} (computed by {@link DashboardQueries}), its label in
 * {@code i18n/monitoring*.properties} and its definition in {@code docs/metrics.md}. Each card's live name is
 * the {@code data-live} the page's refresh swaps and the {@code metric-<name>} id the tests read.
 */
@Component
record DashboardCards(MonitoringFormat format) {

    /** A heading and its cards, a row of the page: a column per card (Bootstrap's row-cols, up to 6); two on phones. */
    record Section(String heading, List<Card> cards) {
    }

    /**
     * One figure: its live name, the message of its label, its value as shown; {@code attention} marks it, and a
     * {@code status} (an agent status' lower-case name) puts that status' dot before the label.
     */
    record Card(String live, String label, String value, boolean attention, String status) {

        Card attentionWhen(boolean attention) {
            return new Card(live, label, value, attention, status);
        }
    }

    List<Section> of(Dashboard d, Locale locale) {
        Dashboard.Now now = d.now();
        Dashboard.Today today = d.today();
        Dashboard.Agents agents = d.agents();
        return List.of(
                new Section("monitoring.section.now", List.of(
                        count("waiting", "monitoring.card.waiting", now.waiting()).attentionWhen(now.waiting() > 0),
                        duration("longest-waiting", "monitoring.card.longestWaiting", now.longestWaiting()),
                        count("in-service", "monitoring.card.inService", now.inService()),
                        count("awaiting-first", "monitoring.card.awaitingFirstResponse", now.awaitingFirstResponse()))),
                new Section("monitoring.section.times", List.of(
                        duration("average-first", "monitoring.card.averageFirstResponse", today.averageFirstResponse()),
                        duration("maximum-first", "monitoring.card.maximumFirstResponse", today.maximumFirstResponse()),
                        duration("average-response", "monitoring.card.averageResponse", today.averageResponse()),
                        duration("average-service", "monitoring.card.averageService", today.averageService()))),
                new Section("monitoring.section.tickets", List.of(
                        count("total", "monitoring.card.total", today.total()),
                        count("unclosed", "monitoring.card.unclosed", today.unclosed()),
                        count("closed", "monitoring.card.closed", today.closed()),
                        count("abandoned", "monitoring.card.abandoned", today.abandoned()),
                        count("lost", "monitoring.card.lost", today.lost()))),
                new Section("monitoring.section.agents", List.of(
                        new Card("average-active", "monitoring.card.averageActive",
                                format.average(agents.averageActivePerAgent(), locale), false, null),
                        inStatus("online", AgentStatus.ONLINE, agents.online()),
                        inStatus("on-break", AgentStatus.BREAK, agents.onBreak()),
                        inStatus("invisible", AgentStatus.INVISIBLE, agents.invisible()))));
    }

    private static Card count(String live, String label, long count) {
        return new Card(live, label, String.valueOf(count), false, null);
    }

    private Card duration(String live, String label, Duration duration) {
        return new Card(live, label, format.duration(duration), false, null);
    }

    private static Card inStatus(String live, AgentStatus status, long count) {
        return new Card(live, "status." + status.name(), String.valueOf(count), false,
                status.name().toLowerCase(Locale.ROOT));
    }
}
