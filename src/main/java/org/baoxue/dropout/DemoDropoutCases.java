package org.baoxue.dropout;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A few dozen fictional dropout cases over every step of the process, some of them overdue (their due dates and
 * escalation timers moved into the past through the public API, so the job executor marks them and notifies the
 * supervisors). Loaded once: nothing happens when a dropout case exists already.
 */
@Component
@ConditionalOnProperty(name = "baoxue.demo-cases", havingValue = "true")
class DemoDropoutCases {

    private static final Logger log = LoggerFactory.getLogger(DemoDropoutCases.class);

    /** How far each demo case goes. */
    enum Depth { VISIT, JOINT, REPORT, PERSUASION, ORDER, COMPLIANCE, PENALTY, COURT, RETURNED, CLOSED, HEALTH, DEFERRED_DONE, LAWFUL, TRANSFERRED }

    private record Officials(String teacher, String leader, String township, String county, String townEdu) {
    }

    private static final Map<String, Officials> BY_SCHOOL = Map.of(
            "3137001001", new Officials("teacher", "leader", "township", "countyedu", "townedu"),
            "3137001002", new Officials("teacher2", "leader2", "township", "countyedu", "townedu"),
            "3137001003", new Officials("teacher3", "leader3", "township2", "countyedu", "townedu2"),
            "3137002001", new Officials("teacher-ny", "leader-ny", "township-ny", "countyedu-ny", null));

    private final DropoutCases cases;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    DemoDropoutCases(DropoutCases cases, OrgDirectory directory, JdbcClient jdbc, RuntimeService runtime,
                     TaskService tasks, ManagementService management) {
        this.cases = cases;
        this.directory = directory;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    void load() {
        if (jdbc.sql("select count(*) from dropout_case").query(Integer.class).single() > 0) {
            return;
        }
        Depth[] plan = {Depth.VISIT, Depth.VISIT, Depth.JOINT, Depth.REPORT, Depth.PERSUASION, Depth.ORDER,
                Depth.COMPLIANCE, Depth.RETURNED, Depth.CLOSED, Depth.PENALTY, Depth.COURT, Depth.HEALTH,
                Depth.DEFERRED_DONE, Depth.LAWFUL, Depth.TRANSFERRED};
        int made = 0;
        int n = 0;
        for (String school : List.of("3137001001", "3137001002", "3137001003", "3137002001")) {
            List<Long> pupils = jdbc.sql("select id from pupil where school_code = ? order by id").param(school)
                    .query(Long.class).list();
            int count = school.equals("3137002001") ? 6 : 10;
            for (int i = 0; i < count && i < pupils.size(); i++) {
                Depth depth = plan[(n++) % plan.length];
                if (depth == Depth.PENALTY && school.equals("3137002001")) {
                    depth = Depth.COURT; // 宁阳县's rules have no penalty step
                }
                if (depth == Depth.TRANSFERRED && !school.equals("3137001001")) {
                    depth = Depth.PERSUASION;
                }
                try {
                    make(pupils.get(pupils.size() - 1 - i), school, depth, i % 3 == 0);
                    made++;
                } catch (RuntimeException e) {
                    log.warn("demo dropout case {} at {} not made: {}", depth, school, e.getClass().getSimpleName());
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
        }
        log.info("Loaded {} demo dropout cases", made);
    }

    void make(long pupilId, String school, Depth depth, boolean overdue) {
        Officials o = BY_SCHOOL.get(school);
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        String number = as(o.teacher(), u -> cases.report(pupilId, DropoutCases.Source.values()[(int) (pupilId % 3)], 6,
                "连续多日未到校", u)).caseNumber();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        // spread the reports over the last weeks, deeper steps longer ago
        jdbc.sql("update dropout_case set opened_on = ? where case_number = ?")
                .params(java.sql.Date.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2L + depth.ordinal() * 4L + pupilId % 3)), number)
                .update();
        if (depth == Depth.VISIT) {
            finish(pi, overdue);
            return;
        }
        if (depth == Depth.HEALTH || depth == Depth.DEFERRED_DONE) {
            as(o.leader(), u -> { cases.reportSpecialCase(number, DropoutCases.SpecialKind.HEALTH, "因病长期不能到校", u); return null; });
            if (depth == Depth.DEFERRED_DONE) {
                step(pi, "ut_special_assessment", o.county(), Map.of("assessedOn", day, "placement", "DEFERRED", "note", "需住院治疗"));
                step(pi, "ut_deferral", o.county(), Map.of("approvedOn", day, "deferUntil", LocalDate.now().plusYears(1).toString()));
            }
            finish(pi, overdue);
            return;
        }
        Map<String, Object> failed = visit(day, "NOT_RETURNED", pupilId);
        Map<String, Object> back = visit(day, "RETURNED", pupilId);
        if (depth == Depth.RETURNED || depth == Depth.CLOSED) {
            step(pi, "ut_home_visit", o.teacher(), back);
            if (depth == Depth.CLOSED) {
                for (String fu : List.of("timer_fu1", "timer_fu2", "timer_fu3")) {
                    fire(pi, fu);
                    step(pi, "ut_follow_up_" + fu.charAt(fu.length() - 1), o.teacher(), Map.of("checkedOn", day, "inSchool", "IN_SCHOOL"));
                }
                if (o.townEdu() != null) {
                    step(pi, "ut_close", o.townEdu(), Map.of("closedOn", day, "note", "稳定在校"));
                }
            }
            return;
        }
        step(pi, "ut_home_visit", o.teacher(), failed);
        if (depth == Depth.LAWFUL) {
            as(o.leader(), u -> { cases.reportSpecialCase(number, DropoutCases.SpecialKind.ENDED, "已完成九年义务教育", u); return null; });
            finish(pi, overdue);
            return;
        }
        if (depth == Depth.JOINT) {
            finish(pi, overdue);
            return;
        }
        step(pi, "ut_joint_visit", o.leader(), failed);
        if (depth == Depth.REPORT) {
            finish(pi, overdue);
            return;
        }
        step(pi, "ut_written_report", o.leader(), Map.of("reportDate", day, "adminOfficial", "王镇长", "villageCadre", "刘书记",
                "countyEduOfficer", "陈科长", "townshipEduOfficer", "杨主任", "schoolPerson", "马校长"));
        if (depth == Depth.PERSUASION || depth == Depth.TRANSFERRED) {
            if (depth == Depth.TRANSFERRED) {
                as(o.county(), u -> { cases.transfer(number, "3137002001", "370921101201", "随父母迁居宁阳县", u); return null; });
            }
            finish(pi, overdue);
            return;
        }
        step(pi, "ut_notify_guardian", o.township(), Map.of("notifiedOn", day, "guardianMet", "父亲", "notifiedBy", "村委会", "outcome", "NOT_RETURNED"));
        step(pi, "ut_plan", o.county(), Map.of("plan", "结对帮扶，心理疏导，落实资助", "approvedOn", day, "approvedBy", "陈科长"));
        step(pi, "ut_issue_order", o.township(), Map.of("issuer", "TOWNSHIP", "issuedOn", day, "guardianName", "监护人"));
        if (depth == Depth.ORDER) {
            return;
        }
        fire(pi, "timer_order_deadline");
        if (depth == Depth.COMPLIANCE) {
            finish(pi, overdue);
            return;
        }
        step(pi, "ut_check_compliance", o.leader(), Map.of("checkedOn", day, "outcome", "NOT_RETURNED"));
        if (depth == Depth.COURT && tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ut_penalty").count() > 0) {
            step(pi, "ut_penalty", o.county(), Map.of("decidedOn", day, "decisionNumber", "东教罚〔2026〕9号", "penalty", "警告", "outcome", "NOT_RETURNED"));
        }
        finish(pi, overdue);
    }

    private static Map<String, Object> visit(String day, String outcome, long pupilId) {
        String[] reasons = {"FAMILY_HARDSHIP", "WEARINESS", "WORK", "MOVED", "OTHER"};
        Map<String, Object> m = new HashMap<>();
        m.put("visitDate", day);
        m.put("visitors", "班主任、村干部");
        m.put("metWith", "母亲");
        m.put("reason", reasons[(int) (pupilId % reasons.length)]);
        m.put("outcome", outcome);
        return m;
    }

    private void step(ProcessInstance pi, String key, String username, Map<String, Object> values) {
        Task t = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
        as(username, u -> { cases.complete(t.getId(), values, u); return null; });
    }

    private void fire(ProcessInstance pi, String activityId) {
        for (Job job : management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list()) {
            management.executeJob(job.getId());
        }
    }

    /** An overdue case: its open tasks were due three days ago, and their escalation timers fire at once. */
    private void finish(ProcessInstance pi, boolean overdue) {
        if (!overdue) {
            return;
        }
        Date past = Date.from(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
            t.setDueDate(past);
            tasks.saveTask(t);
            for (Job job : management.createJobQuery().processInstanceId(pi.getId()).activityId("bt_" + t.getTaskDefinitionKey()).list()) {
                management.setJobDuedate(job.getId(), past);
                management.executeJob(job.getId());
            }
        }
    }

    private <T> T as(String username, java.util.function.Function<BaoxueUser, T> action) {
        BaoxueUser user = directory.user(username).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return action.apply(user);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
