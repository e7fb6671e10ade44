package br.com.balcao.afterhours;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.UserDirectory;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.security.SelectedNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * After-hours contacts of the selected number, last 7 days, newest first, each with the active message
 * component to call them back. A number open 24 hours has none to show.
 */
@Controller
record AfterHoursController(
        AccessPolicy access,
        NumberDirectory numbers,
        AfterHoursList list,
        UserDirectory users,
        Clock clock) {

    /**
     * The newest page, or with {@code olderThan} and {@code olderThanId} the page after that row; with
     * {@code agent}, only the contacts whose last conversation was with that user of the number.
     */
    @GetMapping("/after-hours")
    String list(@RequestParam(required = false) Instant olderThan, @RequestParam(required = false) Long olderThanId,
                @RequestParam(required = false) Long agent, @SelectedNumber NumberView number, Model model) {
        access.requireContactReader(number.id());
        boolean alwaysOpen = numbers.rules(number.id()).alwaysOpen();
        AfterHoursList.Cursor after = olderThan == null || olderThanId == null ? null
                : new AfterHoursList.Cursor(olderThan, olderThanId);
        List<AfterHoursRow> page = alwaysOpen ? List.of() : list.recent(number.id(), clock.instant(), agent, after);
        boolean more = page.size() > AfterHoursList.PAGE_SIZE;
        List<AfterHoursRow> rows = more ? page.subList(0, AfterHoursList.PAGE_SIZE) : page;
        model.addAttribute("number", number);
        model.addAttribute("zone", number.zone());
        model.addAttribute("alwaysOpen", alwaysOpen);
        model.addAttribute("rows", rows);
        model.addAttribute("olderPageAfter", more ? rows.get(rows.size() - 1) : null);
        model.addAttribute("laterPage", after != null);
        model.addAttribute("agents", users.byIds(numbers.membersOf(number.id()).keySet()));
        model.addAttribute("agent", agent);
        return "afterhours/list";
    }

    /** One line again, after an active message was sent from it. */
    @GetMapping("/after-hours/{id}/row")
    String row(@PathVariable long id, Model model) {
        AfterHoursRow row = list.find(id).orElseThrow(() -> new NotFoundException("after-hours contact"));
        NumberView number = access.requireContactReader(row.numberId());
        model.addAttribute("zone", number.zone());
        model.addAttribute("row", row);
        return "afterhours/list :: row";
    }
}
