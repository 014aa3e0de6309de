package org.baoxue.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.baoxue.BaoxueTest;
import org.baoxue.calendar.WorkingCalendar;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Due dates on the working-day calendar, escalation by the boundary timers, and deadlines from the DMN. */
@BaoxueTest
class DropoutTimersTest extends DropoutTestSupport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired CaseStore store;
    @Autowired WorkingCalendar calendar;
    @Autowired RepositoryService repository;

    static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant());
    }

    @Test
    void workingDaysSkipNationalDayAndCountTheMakeUpSaturday() {
        // 2026: 国庆节 1-7 October are holidays, Saturday 10 October is a make-up working day (calendar/cn-statutory-holidays.csv)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 10, 8), 2)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 7)).isEqualTo(LocalDate.of(2026, 10, 15));
    }

    @Test
    void dueDatesOfTheTasksCountWorkingDaysAcrossTheHoliday() {
        ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
        ProcessInstance pi = open(laohuPupil("张国庆"));
        assertThat(task(pi, "ut_home_visit").getDueDate()).isEqualTo(at("2026-10-08T10:00"));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("bt_ut_home_visit").singleResult()
                .getDuedate()).isEqualTo(at("2026-10-08T10:00"));

        ClockUtil.setCurrentTime(at("2026-10-08T09:00"));
        complete(pi, "ut_home_visit", "teacher", visit("NOT_RETURNED"));
        // two working days after Thursday 8 October: Friday 9 and the make-up Saturday 10 October
        assertThat(task(pi, "ut_joint_visit").getDueDate()).isEqualTo(at("2026-10-10T09:00"));
    }

    @Test
    void anOverdueStepIsMarkedAndTheSupervisorsAreNotifiedWhileTheTaskStays() {
        ClockUtil.setCurrentTime(at("2026-11-02T09:00"));
        ProcessInstance pi = open(laohuPupil("张逾期"));
        String taskId = task(pi, "ut_home_visit").getId();
        assertThat(task(pi, "ut_home_visit").getDueDate()).isEqualTo(at("2026-11-03T09:00"));
        assertThat(caseOf(pi).overdue()).isFalse();

        ClockUtil.setCurrentTime(at("2026-11-03T10:00"));
        fireTimer(pi, "bt_ut_home_visit");
        assertThat(pi).hasPassed("st_overdue_ut_home_visit").isWaitingAt("ut_home_visit");
        assertThat(task(pi, "ut_home_visit").getId()).isEqualTo(taskId);
        assertThat(task(pi, "ut_home_visit").getPriority()).isEqualTo(ProcessDelegates.OVERDUE_PRIORITY);
        assertThat(caseOf(pi).overdue()).isTrue();
        assertThat(store.openOverdueSteps(caseOf(pi).id())).containsExactly("ut_home_visit");
        assertThat(notificationsOf("supervisor", pi.getBusinessKey())).isEqualTo(1);
        assertThat(notificationsOf("teacher", pi.getBusinessKey())).isZero();

        complete(pi, "ut_home_visit", "teacher", visit("NOT_RETURNED"));
        assertThat(caseOf(pi).overdue()).isFalse();
        assertThat(store.openOverdueSteps(caseOf(pi).id())).isEmpty();
    }

    @Test
    void aChangedDeadlineInTheDmnTakesEffectForTheNextCaseWithoutCode() throws Exception {
        String dmn;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/dropout-deadlines.dmn")) {
            dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String dongping = """
                <rule id="rule_370923_test">
                  <inputEntry id="t_in"><text>"370923"</text></inputEntry>
                  <outputEntry id="t1"><text>5</text></outputEntry><outputEntry id="t2"><text>3</text></outputEntry>
                  <outputEntry id="t3"><text>2</text></outputEntry><outputEntry id="t4"><text>2</text></outputEntry>
                  <outputEntry id="t5"><text>10</text></outputEntry><outputEntry id="t6"><text>7</text></outputEntry>
                  <outputEntry id="t7"><text>5</text></outputEntry><outputEntry id="t8"><text>true</text></outputEntry>
                  <outputEntry id="t9"><text>7</text></outputEntry><outputEntry id="t10"><text>30</text></outputEntry>
                </rule>
                <rule id="rule_default">""";
        String changed = dmn.replace("<rule id=\"rule_default\">", dongping);
        assertThat(changed).isNotEqualTo(dmn);

        ClockUtil.setCurrentTime(at("2026-11-02T09:00"));
        Deployment deployment = repository.createDeployment().name("dropout-deadlines test change")
                .addString("dropout-deadlines.dmn", changed).deploy();
        try {
            ProcessInstance pi = open(laohuPupil("张三日"));
            assertThat(pi).variables().containsEntry("visitDays", 3);
            assertThat(task(pi, "ut_home_visit").getDueDate()).isEqualTo(at("2026-11-05T09:00"));
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        ProcessInstance after = open(laohuPupil("张一日"));
        assertThat(task(after, "ut_home_visit").getDueDate()).isEqualTo(at("2026-11-03T09:00"));
    }

    @Test
    void followUpTimersWaitAWeekAMonthAndUntilTheSemesterEnds() {
        ProcessInstance pi = open(laohuPupil("张回访"));
        ClockUtil.setCurrentTime(at("2026-11-02T09:00"));
        complete(pi, "ut_home_visit", "teacher", visit("RETURNED"));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("timer_fu1").singleResult()
                .getDuedate()).isEqualTo(at("2026-11-09T09:00"));
        fireTimer(pi, "timer_fu1");
        complete(pi, "ut_follow_up_1", "teacher", followUp("IN_SCHOOL"));
        fireTimer(pi, "timer_fu2");
        complete(pi, "ut_follow_up_2", "teacher", followUp("IN_SCHOOL"));
        Date semesterEnd = management.createJobQuery().processInstanceId(pi.getId()).activityId("timer_fu3").singleResult().getDuedate();
        assertThat(semesterEnd).isAfter(at("2026-11-02T09:00"));
        assertThat(ProcessDelegates.semesterEnd(LocalDate.of(2026, 11, 2))).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(ProcessDelegates.semesterEnd(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 7, 10));
    }

    int notificationsOf(String username, String caseNumber) {
        return jdbc.sql("select count(*) from notification where username = ? and message like ?")
                .params(username, "%" + caseNumber + "%").query(Integer.class).single();
    }
}
