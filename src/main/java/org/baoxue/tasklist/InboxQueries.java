package org.baoxue.tasklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the projection. Every query starts from an index on what scopes it — the user's candidate groups
 * ({@code inbox_task_group (candidate_group, claimed, due_date)}), the assignee ({@code (assignee, due_date)}),
 * or for supervisors their jurisdiction column ({@code (county_code, due_date)} ...) — so a page costs what the
 * user's own tasks cost, not what all open tasks cost.
 */
@Component
class InboxQueries {

    static final int PAGE_SIZE = 20;

    enum View { ALL, MINE, GROUP, OVERDUE, WEEK, JURISDICTION }

    enum Sort {
        DUE("t.due_date asc nulls last, t.task_id"), CREATED("t.created desc, t.task_id"),
        CASE("t.business_key asc nulls last, t.task_id"), STEP("t.step_name asc nulls last, t.due_date asc nulls last, t.task_id");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    /** One inbox line. */
    record Row(String taskId, String processInstanceId, String businessKey, String processKey, String processName,
               String stepKey, String stepName, String assignee, LocalDateTime created, LocalDateTime due, String line,
               String pupilMasked, String schoolCode, String schoolName, String countyCode, String townshipCode,
               String villageCode) {

        public boolean overdue() {
            return due != null && due.isBefore(LocalDateTime.now());
        }
    }

    /** What the user filters by (all optional). */
    record Filter(View view, String q, String process, String step, String unit, Sort sort, int page) {
        static Filter of(String view, String q, String process, String step, String unit, String sort, Integer page) {
            return new Filter(parse(View.class, view, View.ALL), blank(q), blank(process), blank(step), blank(unit),
                    parse(Sort.class, sort, Sort.DUE), page == null || page < 0 ? 0 : Math.min(page, 10_000));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String s, E otherwise) {
            try {
                return s == null || s.isBlank() ? otherwise : Enum.valueOf(type, s.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return otherwise;
            }
        }
    }

    record Page(List<Row> rows, boolean hasNext, int page) {
    }

    record Counts(long mine, long group, long overdue, long week, long jurisdiction) {
    }

    private static final String COLUMNS = "t.task_id, t.process_instance_id, t.business_key, t.process_key, t.process_name, "
            + "t.step_key, t.step_name, t.assignee, t.created, t.due_date, t.line, t.pupil_masked, t.school_code, "
            + "t.school_name, t.county_code, t.township_code, t.village_code";

    private final JdbcClient jdbc;

    InboxQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean supervises(BaoxueUser user) {
        return user.has(Role.SUPERVISOR);
    }

    /** The tasks a user works on: assigned to them, or offered to one of their candidate groups. */
    private static void actionable(BaoxueUser user, StringBuilder sql, List<Object> args, boolean unclaimedOnly) {
        List<String> groups = user.candidateGroups();
        sql.append("t.task_id in (");
        if (!groups.isEmpty()) {
            sql.append("select g.task_id from inbox_task_group g where g.candidate_group in (")
                    .append(String.join(",", Collections.nCopies(groups.size(), "?"))).append(")");
            args.addAll(groups);
            if (unclaimedOnly) {
                sql.append(" and g.claimed = ?");
                args.add(false);
            }
        }
        if (!unclaimedOnly) {
            if (!groups.isEmpty()) {
                sql.append(" union all ");
            }
            sql.append("select a.task_id from inbox_task a where a.assignee = ?");
            args.add(user.getUsername());
        }
        if (groups.isEmpty() && unclaimedOnly) {
            sql.append("select a.task_id from inbox_task a where 1 = 0");
        }
        sql.append(")");
    }

    private static void scope(BaoxueUser user, View view, StringBuilder sql, List<Object> args) {
        LocalDateTime now = LocalDateTime.now();
        switch (view) {
            case MINE -> {
                sql.append("t.assignee = ?");
                args.add(user.getUsername());
            }
            case GROUP -> actionable(user, sql, args, true);
            case JURISDICTION -> {
                if (supervises(user)) {
                    sql.append(user.jurisdiction().sql("t"));
                    args.addAll(user.jurisdiction().args());
                } else {
                    actionable(user, sql, args, false);
                }
            }
            case OVERDUE -> {
                actionable(user, sql, args, false);
                sql.append(" and t.due_date < ?");
                args.add(Timestamp.valueOf(now));
            }
            case WEEK -> {
                actionable(user, sql, args, false);
                LocalDate sunday = now.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                sql.append(" and t.due_date >= ? and t.due_date < ?");
                args.add(Timestamp.valueOf(now));
                args.add(Timestamp.valueOf(sunday.plusDays(1).atStartOfDay()));
            }
            default -> actionable(user, sql, args, false);
        }
    }

    Page page(BaoxueUser user, Filter filter) {
        return page(user, filter, PAGE_SIZE);
    }

    Page page(BaoxueUser user, Filter filter, int pageSize) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from inbox_task t where ");
        List<Object> args = new ArrayList<>();
        scope(user, filter.view(), sql, args);
        if (filter.q() != null) {
            sql.append(" and (t.business_key = ? or t.pupil_name like ?)");
            args.add(filter.q());
            args.add(filter.q().replace("%", "").replace("_", "") + "%");
        }
        if (filter.process() != null) {
            sql.append(" and t.process_key = ?");
            args.add(filter.process());
        }
        if (filter.step() != null) {
            sql.append(" and t.step_key = ?");
            args.add(filter.step());
        }
        if (filter.unit() != null) {
            sql.append(" and (t.school_code = ? or t.village_code = ? or t.township_code = ?)");
            args.add(filter.unit());
            args.add(filter.unit());
            args.add(filter.unit());
        }
        sql.append(" order by ").append(filter.sort().sql).append(" limit ").append(pageSize + 1)
                .append(" offset ").append((long) filter.page() * pageSize);
        List<Row> rows = jdbc.sql(sql.toString()).params(args).query(InboxQueries::row).list();
        boolean hasNext = rows.size() > pageSize;
        return new Page(hasNext ? rows.subList(0, pageSize) : rows, hasNext, filter.page());
    }

    Counts counts(BaoxueUser user) {
        return new Counts(count(user, View.MINE), count(user, View.GROUP), count(user, View.OVERDUE),
                count(user, View.WEEK), supervises(user) ? count(user, View.JURISDICTION) : 0);
    }

    private long count(BaoxueUser user, View view) {
        StringBuilder sql = new StringBuilder("select count(*) from inbox_task t where ");
        List<Object> args = new ArrayList<>();
        scope(user, view, sql, args);
        return jdbc.sql(sql.toString()).params(args).query(Long.class).single();
    }

    Optional<Row> find(String taskId) {
        return jdbc.sql("select " + COLUMNS + " from inbox_task t where t.task_id = ?").param(taskId)
                .query(InboxQueries::row).optional();
    }

    List<String> groups(String taskId) {
        return jdbc.sql("select candidate_group from inbox_task_group where task_id = ? order by candidate_group")
                .param(taskId).query(String.class).list();
    }

    List<Row> openTasksOfCase(String businessKey) {
        return jdbc.sql("select " + COLUMNS + " from inbox_task t where t.business_key = ? order by t.created")
                .param(businessKey).query(InboxQueries::row).list();
    }

    /** The processes and steps the user's open tasks are in, for the filter menus. */
    record Step(String processKey, String processName, String stepKey, String stepName) {
    }

    List<Step> stepsOf(BaoxueUser user) {
        StringBuilder sql = new StringBuilder("select distinct t.process_key, t.process_name, t.step_key, t.step_name from inbox_task t where ");
        List<Object> args = new ArrayList<>();
        scope(user, supervises(user) ? View.JURISDICTION : View.ALL, sql, args);
        sql.append(" order by t.process_name, t.step_name");
        return jdbc.sql(sql.toString()).params(args).query((rs, n) -> new Step(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4))).list();
    }

    /** A user may act on a task assigned to them or offered to one of their groups. */
    boolean canAct(BaoxueUser user, Row row) {
        if (user.getUsername().equals(row.assignee())) {
            return true;
        }
        List<String> mine = user.candidateGroups();
        return groups(row.taskId()).stream().anyMatch(mine::contains);
    }

    /** Supervisors read the tasks in their jurisdiction. */
    boolean canRead(BaoxueUser user, Row row) {
        return canAct(user, row) || (supervises(user)
                && user.jurisdiction().covers(row.countyCode(), row.townshipCode(), row.villageCode(), row.schoolCode()));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("task_id"), rs.getString("process_instance_id"), rs.getString("business_key"),
                rs.getString("process_key"), rs.getString("process_name"), rs.getString("step_key"),
                rs.getString("step_name"), rs.getString("assignee"), time(rs.getTimestamp("created")),
                time(rs.getTimestamp("due_date")), rs.getString("line"), rs.getString("pupil_masked"),
                rs.getString("school_code"), rs.getString("school_name"), rs.getString("county_code"),
                rs.getString("township_code"), rs.getString("village_code"));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
