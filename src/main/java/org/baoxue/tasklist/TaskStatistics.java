package org.baoxue.tasklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baoxue.org.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Open and overdue tasks counted over the task list's projection, within a jurisdiction: what a supervisor's
 * dashboard shows. One grouped scan of the jurisdiction's open tasks, never of the engine's tables.
 */
@Service
public class TaskStatistics {

    public record StepLoad(String processName, String stepName, long open, long overdue) {
    }

    public record UnitLoad(String unitCode, String unitName, long open, long overdue) {
    }

    private final JdbcClient jdbc;

    TaskStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StepLoad> bySteps(Jurisdiction jurisdiction, Instant now) {
        return jdbc.sql("select t.process_name, t.step_name, count(*) as open_tasks, "
                        + "sum(case when t.due_date < ? then 1 else 0 end) as overdue_tasks from inbox_task t where "
                        + jurisdiction.sql("t") + " group by t.process_name, t.step_name order by overdue_tasks desc, open_tasks desc")
                .params(args(now, jurisdiction))
                .query((rs, n) -> new StepLoad(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Per school; tasks of a case without a school (a process a modeler added) count under their township. */
    public List<UnitLoad> byUnits(Jurisdiction jurisdiction, Instant now) {
        return jdbc.sql("select coalesce(t.school_code, t.township_code, t.county_code) as unit_code, "
                        + "max(coalesce(t.school_name, t.township_code, t.county_code)) as unit_name, count(*) as open_tasks, "
                        + "sum(case when t.due_date < ? then 1 else 0 end) as overdue_tasks from inbox_task t where "
                        + jurisdiction.sql("t") + " group by coalesce(t.school_code, t.township_code, t.county_code) "
                        + "order by overdue_tasks desc, open_tasks desc")
                .params(args(now, jurisdiction))
                .query((rs, n) -> new UnitLoad(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private static List<Object> args(Instant now, Jurisdiction jurisdiction) {
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(now));
        args.addAll(jurisdiction.args());
        return args;
    }
}
