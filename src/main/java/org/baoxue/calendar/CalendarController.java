package org.baoxue.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.HomeNotice;
import org.baoxue.org.MenuEntry;
import org.baoxue.org.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's view of the working-day calendar: a year's holidays and make-up working days, a warning when
 * this or next year's schedule is missing (the State Council publishes it around November), and a form to enter it.
 */
@Controller
@RequestMapping("/calendar")
@PreAuthorize("hasRole('ADMIN')")
class CalendarController {

    private final WorkingCalendar calendar;
    private final AuditLog audit;

    CalendarController(WorkingCalendar calendar, AuditLog audit) {
        this.calendar = calendar;
        this.audit = audit;
    }

    @GetMapping
    String year(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now().getYear() : Math.max(2000, Math.min(2100, year));
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.specialDays(shown));
        model.addAttribute("missing", calendar.missingYears(LocalDate.now()));
        model.addAttribute("kinds", WorkingCalendar.Kind.values());
        return "calendar/year";
    }

    @PostMapping
    String add(@AuthenticationPrincipal BaoxueUser me, @RequestParam String date, @RequestParam String kind,
               @RequestParam(required = false) String name, RedirectAttributes redirect) {
        LocalDate day;
        WorkingCalendar.Kind parsedKind;
        try {
            day = LocalDate.parse(date);
            parsedKind = WorkingCalendar.Kind.valueOf(kind);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "calendar.error.input");
            return "redirect:/calendar";
        }
        if (parsedKind == WorkingCalendar.Kind.WORKDAY && day.getDayOfWeek().getValue() < 6) {
            redirect.addFlashAttribute("error", "calendar.error.workdayOnWeekday");
            return "redirect:/calendar?year=" + day.getYear();
        }
        String label = StringUtils.hasText(name) ? name.strip() : null;
        if (label != null && label.length() > 100) {
            label = label.substring(0, 100);
        }
        calendar.save(new WorkingCalendar.Day(day, parsedKind, label));
        audit.record(me, "calendar.save", "calendar_day", day.toString(), parsedKind + " " + (label == null ? "" : label));
        redirect.addFlashAttribute("saved", day.toString());
        return "redirect:/calendar?year=" + day.getYear();
    }

    @PostMapping("/remove")
    String remove(@AuthenticationPrincipal BaoxueUser me, @RequestParam String date, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "calendar.error.input");
            return "redirect:/calendar";
        }
        calendar.remove(day);
        audit.record(me, "calendar.remove", "calendar_day", day.toString(), null);
        return "redirect:/calendar?year=" + day.getYear();
    }

    @Bean
    static MenuEntry calendarEntry() {
        return new MenuEntry("calendar.menu", "/calendar", 800, Set.of(Role.ADMIN));
    }

    @Bean
    static HomeNotice missingScheduleNotice(WorkingCalendar calendar) {
        return user -> user.has(Role.ADMIN)
                ? calendar.missingYears(LocalDate.now()).stream()
                        .map(y -> new HomeNotice.Notice("calendar.missingYear", List.of(String.valueOf(y)), "/calendar?year=" + y))
                        .toList()
                : List.of();
    }
}
