package org.baoxue.monitor;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.MenuEntry;
import org.baoxue.org.Role;
import org.baoxue.tasklist.TaskStatistics;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervisor's dashboard: every open task of the jurisdiction by step and by school, with what is overdue.
 * It reads the task list's projection, so it works for any process, the dropout and aid ones included.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class MonitorController {

    private final TaskStatistics statistics;
    private final ObjectMapper json;

    MonitorController(TaskStatistics statistics, ObjectMapper json) {
        this.statistics = statistics;
        this.json = json;
    }

    @Bean
    static MenuEntry monitorEntry() {
        return new MenuEntry("monitor.menu", "/monitor", 50, EnumSet.of(Role.SUPERVISOR, Role.ADMIN));
    }

    @GetMapping("/monitor")
    String dashboard(@AuthenticationPrincipal BaoxueUser me, Model model) throws JsonProcessingException {
        Instant now = Instant.now();
        List<TaskStatistics.StepLoad> steps = statistics.bySteps(me.jurisdiction(), now);
        List<TaskStatistics.UnitLoad> units = statistics.byUnits(me.jurisdiction(), now);
        model.addAttribute("steps", steps);
        model.addAttribute("units", units);
        model.addAttribute("open", steps.stream().mapToLong(TaskStatistics.StepLoad::open).sum());
        model.addAttribute("overdue", steps.stream().mapToLong(TaskStatistics.StepLoad::overdue).sum());
        Chart chart = new Chart(units.stream().limit(15).map(TaskStatistics.UnitLoad::unitName).toList(),
                units.stream().limit(15).map(u -> u.open() - u.overdue()).toList(),
                units.stream().limit(15).map(TaskStatistics.UnitLoad::overdue).toList());
        // "<" escaped, so that no unit name can close the JSON block
        model.addAttribute("chartJson", json.writeValueAsString(chart).replace("<", "\\u003c"));
        return "monitor/dashboard";
    }

    /** What the bar chart draws; rendered as a JSON data block, not as script, so the CSP stays strict. */
    record Chart(List<String> labels, List<Long> onTime, List<Long> overdue) {
    }
}
