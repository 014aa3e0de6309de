package org.baoxue.dropout;

import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers of the dropout tests: a fresh pupil per test, the demo officials, completing steps as they would. */
abstract class DropoutTestSupport {

    static final String LAOHU_SCHOOL = "3137001001", LAOHU = "370923101", LAOHU_VILLAGE = "370923101201", DONGPING = "370923";
    static final String YINSHAN_SCHOOL = "3137001003", YINSHAN = "370923102", YINSHAN_VILLAGE = "370923102201";
    static final String NINGYANG_SCHOOL = "3137002001", SIDIAN = "370921101", SIDIAN_VILLAGE = "370921101201", NINGYANG = "370921";

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired ManagementService management;
    @Autowired DropoutCases cases;
    @Autowired OrgDirectory directory;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    BaoxueUser user(String name) {
        return directory.user(name).orElseThrow();
    }

    /** A pupil of this test alone, at a school, in a village. */
    long pupil(String name, String school, String township, String village, String county) {
        String number = "T-DROP-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
        jdbc.sql("""
                        insert into pupil (student_number, name, id_number, gender, birth_date, school_code, county_code,
                        township_code, village_code, grade, class_name) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(number, name, "370923201201011234", "M", java.sql.Date.valueOf(LocalDate.of(2012, 1, 1)), school,
                        county, township, village, 8, "2班")
                .update();
        return jdbc.sql("select id from pupil where student_number = ?").param(number).query(Long.class).single();
    }

    long laohuPupil(String name) {
        return pupil(name, LAOHU_SCHOOL, LAOHU, LAOHU_VILLAGE, DONGPING);
    }

    ProcessInstance open(long pupilId) {
        String number = cases.report(pupilId, DropoutCases.Source.TEACHER, null, "连续多日未到校", user("teacher")).caseNumber();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    /** Completes the open task with this key as the official would, through the service the API uses. */
    void complete(ProcessInstance pi, String key, String username, Map<String, Object> values) {
        Task t = task(pi, key);
        if (t == null) {
            throw new AssertionError("no open task " + key);
        }
        cases.complete(t.getId(), values, user(username));
    }

    DropoutCase caseOf(ProcessInstance pi) {
        return cases.find(pi.getBusinessKey()).orElseThrow();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static final String DAY = "2026-11-02";

    static Map<String, Object> visit(String outcome) {
        return map("visitDate", DAY, "visitors", "王老师", "metWith", "父亲", "reason", "WEARINESS", "outcome", outcome);
    }

    static Map<String, Object> report() {
        return map("reportDate", DAY, "adminOfficial", "李镇长", "villageCadre", "赵书记", "countyEduOfficer", "孙科长",
                "townshipEduOfficer", "周主任", "schoolPerson", "吴校长");
    }

    static Map<String, Object> notify(String outcome) {
        return map("notifiedOn", DAY, "guardianMet", "父亲", "notifiedBy", "赵书记", "outcome", outcome);
    }

    static Map<String, Object> plan() {
        return map("plan", "心理疏导，结对帮扶，落实资助", "approvedOn", DAY, "approvedBy", "孙科长");
    }

    static Map<String, Object> order(String issuedOn) {
        return map("issuer", "TOWNSHIP", "issuedOn", issuedOn, "guardianName", "张大山");
    }

    static Map<String, Object> check(String outcome) {
        return map("checkedOn", DAY, "outcome", outcome);
    }

    static Map<String, Object> followUp(String inSchool) {
        return map("checkedOn", DAY, "inSchool", inSchool);
    }

    /** Executes the process instance's timer jobs whose activity is this one. */
    void fireTimer(ProcessInstance pi, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).list();
        if (jobs.isEmpty()) {
            throw new AssertionError("no timer at " + activityId);
        }
        jobs.forEach(j -> management.executeJob(j.getId()));
    }

    /** Back in school after the given step: the three follow-ups pass, the township education office closes. */
    void followUpAndClose(ProcessInstance pi) {
        fireTimer(pi, "timer_fu1");
        complete(pi, "ut_follow_up_1", "teacher", followUp("IN_SCHOOL"));
        fireTimer(pi, "timer_fu2");
        complete(pi, "ut_follow_up_2", "teacher", followUp("IN_SCHOOL"));
        fireTimer(pi, "timer_fu3");
        complete(pi, "ut_follow_up_3", "teacher", followUp("IN_SCHOOL"));
        complete(pi, "ut_close", "townedu", map("closedOn", DAY, "note", "稳定在校"));
    }
}
