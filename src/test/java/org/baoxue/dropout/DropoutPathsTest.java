package org.baoxue.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of dropout-intervention.bpmn, with the real delegates and listeners, completed as the officials would. */
@BaoxueTest
class DropoutPathsTest extends DropoutTestSupport {

    @Autowired CaseStore store;

    @Test
    void returnedAfterTheFirstVisitIsFollowedUpAndClosed() {
        ProcessInstance pi = open(laohuPupil("张小明"));
        assertThat(pi).isWaitingAt("ut_home_visit");
        assertThat(pi).task().hasCandidateGroup("class-teacher:" + LAOHU_SCHOOL);
        assertThat(pi.getBusinessKey()).matches("KC-370923-\\d{4}-\\d{6}");
        assertThat(caseOf(pi).status()).isEqualTo(DropoutCase.Status.SUSPECTED);

        complete(pi, "ut_home_visit", "teacher", visit("RETURNED"));
        assertThat(pi).hasPassed("st_returned").isWaitingAt("timer_fu1");
        assertThat(caseOf(pi).status()).isEqualTo(DropoutCase.Status.RETURNED);
        assertThat(store.visits(caseOf(pi).id())).singleElement()
                .satisfies(v -> assertThat(v.visitDate()).isEqualTo(LocalDate.parse(DAY)))
                .satisfies(v -> assertThat(v.reason()).isEqualTo("WEARINESS"));

        followUpAndClose(pi);
        assertThat(pi).isEnded().hasPassed("ut_follow_up_1", "ut_follow_up_2", "ut_follow_up_3", "ut_close", "end_closed");
        DropoutCase c = caseOf(pi);
        assertThat(c.status()).isEqualTo(DropoutCase.Status.CLOSED);
        assertThat(c.closeReason()).isEqualTo("RETURNED");
        // the submitted values live in the tables, not in the process
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("visitors").count()).isZero();
    }

    @Test
    void returnedAfterTheJointVisit() {
        ProcessInstance pi = open(laohuPupil("张小红"));
        complete(pi, "ut_home_visit", "teacher", visit("NOT_RETURNED"));
        assertThat(pi).isWaitingAt("ut_joint_visit");
        assertThat(pi).task().hasCandidateGroup("school-leader:" + LAOHU_SCHOOL).hasCandidateGroup("village-cadre:" + LAOHU_VILLAGE);

        complete(pi, "ut_joint_visit", "cadre", visit("RETURNED"));
        assertThat(pi).isWaitingAt("timer_fu1").hasNotPassed("ut_written_report");
        assertThat(store.visits(caseOf(pi).id())).extracting(CaseStore.Visit::step).containsExactly("ut_home_visit", "ut_joint_visit");
        followUpAndClose(pi);
        assertThat(pi).isEnded();
    }

    @Test
    void returnedAfterTheTownshipsNoticeWithBothLinesNamed() {
        ProcessInstance pi = toPersuasion(laohuPupil("张小刚"));
        DropoutCase c = caseOf(pi);
        assertThat(c.status()).isEqualTo(DropoutCase.Status.DROPOUT);
        assertThat(c.adminOfficial()).isEqualTo("李镇长");
        assertThat(c.eduCountyOfficer()).isEqualTo("孙科长");
        assertThat(pi).isWaitingAt("ut_notify_guardian", "ut_plan");
        assertThat(pi).task("ut_notify_guardian").hasCandidateGroup("township-official:" + LAOHU);
        assertThat(pi).task("ut_plan").hasCandidateGroup("county-edu:" + DONGPING);

        complete(pi, "ut_plan", "countyedu", plan());
        complete(pi, "ut_notify_guardian", "township", notify("RETURNED"));
        assertThat(pi).hasPassed("pg_join", "st_returned").hasNotPassed("ut_issue_order").isWaitingAt("timer_fu1");
    }

    @Test
    void returnedAfterTheOrderToCorrect() {
        ProcessInstance pi = toOrder(laohuPupil("张小强"));
        complete(pi, "ut_issue_order", "township", order("2026-11-02"));
        assertThat(pi).isWaitingAt("timer_order_deadline");
        // the deadline: 7 working days after 2 November 2026 is 11 November; the timer fires when that day has passed
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("timer_order_deadline")
                .singleResult().getDuedate()).isEqualTo(DropoutTaskListener.endOf(LocalDate.of(2026, 11, 11)));
        assertThat(store.letters(caseOf(pi).id())).singleElement()
                .satisfies(l -> assertThat(l.deadline()).isEqualTo(LocalDate.of(2026, 11, 11)))
                .satisfies(l -> assertThat(l.issuerName()).isEqualTo("老湖镇人民政府"));

        fireTimer(pi, "timer_order_deadline");
        assertThat(pi).isWaitingAt("ut_check_compliance");
        assertThat(pi).task().hasCandidateGroup("school-leader:" + LAOHU_SCHOOL);
        complete(pi, "ut_check_compliance", "leader", check("RETURNED"));
        assertThat(pi).hasPassed("st_returned").hasNotPassed("ut_penalty");
        followUpAndClose(pi);
        assertThat(pi).isEnded();
    }

    @Test
    void throughPenaltyAndCourtToEnforcement() {
        ProcessInstance pi = toOrder(laohuPupil("张小军"));
        complete(pi, "ut_issue_order", "township", order("2026-11-02"));
        fireTimer(pi, "timer_order_deadline");
        complete(pi, "ut_check_compliance", "leader", check("NOT_RETURNED"));
        assertThat(pi).isWaitingAt("ut_penalty");
        complete(pi, "ut_penalty", "countyedu", map("decidedOn", DAY, "decisionNumber", "东教罚〔2026〕1号",
                "penalty", "警告", "outcome", "NOT_RETURNED"));
        assertThat(pi).isWaitingAt("ut_court_filing");
        complete(pi, "ut_court_filing", "township", map("filedOn", DAY, "court", "东平县人民法院",
                "courtCaseNumber", "（2026）鲁0923民初1号", "procuratorateSupport", true));
        // a return deadline before the judgment is refused by the listener, with the field named, and changes nothing
        assertThatThrownBy(() -> complete(pi, "ut_court_result", "township", map("resolution", "JUDGMENT", "decidedOn", DAY,
                "documentNumber", "（2026）鲁0923民初1号", "returnDeadline", "2026-10-01")))
                .isInstanceOfSatisfying(DropoutException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("returnDeadline"));
        assertThat(pi).isWaitingAt("ut_court_result");
        complete(pi, "ut_court_result", "township", map("resolution", "JUDGMENT", "decidedOn", DAY,
                "documentNumber", "（2026）鲁0923民初1号", "returnDeadline", "2026-12-20"));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("timer_return_deadline")
                .singleResult().getDuedate()).isEqualTo(DropoutTaskListener.endOf(LocalDate.of(2026, 12, 20)));
        fireTimer(pi, "timer_return_deadline");
        complete(pi, "ut_check_judgment", "leader", check("NOT_RETURNED"));
        complete(pi, "ut_enforcement", "township", map("appliedOn", DAY, "enforcementNumber", "（2026）鲁0923执1号"));
        assertThat(pi).hasPassed("st_returned").isWaitingAt("timer_fu1");
        assertThat(store.steps(caseOf(pi).id())).extracting(CaseStore.Step::step)
                .contains("ut_penalty", "ut_court_filing", "ut_court_result", "ut_check_judgment", "ut_enforcement");
        assertThat(store.steps(caseOf(pi).id())).filteredOn(s -> s.step().equals("ut_court_filing"))
                .extracting(CaseStore.Step::outcome).containsExactly("FILED_WITH_PROCURATORATE");
        followUpAndClose(pi);
        assertThat(pi).isEnded();
    }

    @Test
    void aCountyWithoutPenaltyGoesFromTheOrderStraightToCourt() {
        long pupil = pupil("李小华", NINGYANG_SCHOOL, SIDIAN, SIDIAN_VILLAGE, NINGYANG);
        String number = cases.report(pupil, DropoutCases.Source.TEACHER, null, null, user("teacher-ny")).caseNumber();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(pi).variables().containsEntry("penaltyAllowed", false);
        complete(pi, "ut_home_visit", "teacher-ny", visit("NOT_RETURNED"));
        complete(pi, "ut_joint_visit", "leader-ny", visit("NOT_RETURNED"));
        complete(pi, "ut_written_report", "leader-ny", report());
        complete(pi, "ut_notify_guardian", "township-ny", notify("NOT_RETURNED"));
        complete(pi, "ut_plan", "countyedu-ny", plan());
        complete(pi, "ut_issue_order", "countyedu-ny", map("issuer", "COUNTY", "issuedOn", DAY, "guardianName", "李大"));
        fireTimer(pi, "timer_order_deadline");
        complete(pi, "ut_check_compliance", "leader-ny", check("NOT_RETURNED"));
        assertThat(pi).isWaitingAt("ut_court_filing").hasNotPassed("ut_penalty");
        assertThat(pi).task().hasCandidateGroup("township-official:" + SIDIAN);
    }

    @Test
    void illnessLeadsToAPlacementAndClosesTheCase() {
        ProcessInstance pi = open(laohuPupil("张小病"));
        complete(pi, "ut_home_visit", "teacher", visit("NOT_RETURNED"));
        cases.reportSpecialCase(pi.getBusinessKey(), DropoutCases.SpecialKind.HEALTH, "重度残疾，无法到校", user("leader"));
        assertThat(pi).isWaitingAt("ut_special_assessment").hasNotPassed("ut_written_report");
        assertThat(task(pi, "ut_joint_visit")).isNull();
        assertThat(caseOf(pi).status()).isEqualTo(DropoutCase.Status.SPECIAL);
        complete(pi, "ut_special_assessment", "countyedu", map("assessedOn", DAY, "placement", "HOME_TEACHING", "note", "送教上门每周两次"));
        assertThat(pi).isEnded().hasPassed("end_placed");
        assertThat(caseOf(pi).closeReason()).isEqualTo("PLACED");
        assertThat(caseOf(pi).placement()).isEqualTo("HOME_TEACHING");
    }

    @Test
    void deferredEnrolmentNeedsTheCountyBureausApproval() {
        ProcessInstance pi = open(laohuPupil("张小缓"));
        cases.reportSpecialCase(pi.getBusinessKey(), DropoutCases.SpecialKind.HEALTH, "住院治疗", user("countyedu"));
        complete(pi, "ut_special_assessment", "countyedu", map("assessedOn", DAY, "placement", "DEFERRED", "note", "需延缓一年"));
        assertThat(pi).isWaitingAt("ut_deferral");
        complete(pi, "ut_deferral", "countyedu", map("approvedOn", DAY, "deferUntil", "2027-09-01", "approvalNumber", "东教缓〔2026〕3号"));
        assertThat(pi).isEnded().hasPassed("end_deferred");
        assertThat(caseOf(pi).closeReason()).isEqualTo("DEFERRED");
    }

    @Test
    void anotherLawfulEndClosesWithItsReason() {
        ProcessInstance pi = toOrder(laohuPupil("张小毕"));
        cases.reportSpecialCase(pi.getBusinessKey(), DropoutCases.SpecialKind.ENDED, "已满十六周岁，完成九年义务教育", user("townedu"));
        assertThat(pi).isWaitingAt("ut_lawful_end");
        assertThat(task(pi, "ut_issue_order")).isNull();
        complete(pi, "ut_lawful_end", "countyedu", map("confirmedOn", DAY, "note", "完成义务教育"));
        assertThat(pi).isEnded().hasPassed("end_lawful");
        assertThat(caseOf(pi).status()).isEqualTo(DropoutCase.Status.CLOSED);
        assertThat(caseOf(pi).closeReason()).isEqualTo("LAWFUL_END");
        assertThatThrownBy(() -> cases.reportSpecialCase(pi.getBusinessKey(), DropoutCases.SpecialKind.ENDED, "x", user("townedu")))
                .isInstanceOf(DropoutException.class).extracting("kind").isEqualTo(DropoutException.Kind.CONFLICT);
    }

    @Test
    void transferMovesOpenTasksAndLaterStepsToTheReceivingCounty() {
        ProcessInstance pi = toPersuasion(laohuPupil("张小迁"));
        cases.transfer(pi.getBusinessKey(), NINGYANG_SCHOOL, SIDIAN_VILLAGE, "随父母迁居宁阳县", user("countyedu"));

        assertThat(pi).task("ut_notify_guardian").hasCandidateGroup("township-official:" + SIDIAN)
                .hasCandidateGroup("village-cadre:" + SIDIAN_VILLAGE);
        assertThat(pi).task("ut_plan").hasCandidateGroup("county-edu:" + NINGYANG);
        assertThat(cases.tasksFor(user("township"))).noneMatch(t -> t.caseNumber().equals(pi.getBusinessKey()));
        assertThat(cases.tasksFor(user("township-ny"))).anyMatch(t -> t.caseNumber().equals(pi.getBusinessKey()));
        DropoutCase c = caseOf(pi);
        assertThat(c.countyCode()).isEqualTo(NINGYANG);
        assertThat(c.schoolCode()).isEqualTo(NINGYANG_SCHOOL);
        assertThat(cases.view(pi.getBusinessKey(), user("countyedu"))).isEmpty();
        assertThat(cases.view(pi.getBusinessKey(), user("countyedu-ny"))).isPresent();
        assertThat(jdbc.sql("select count(*) from notification where username = 'countyedu-ny' and kind = 'TRANSFER' and message like ?")
                .param("%" + pi.getBusinessKey() + "%").query(Integer.class).single()).isEqualTo(1);

        complete(pi, "ut_notify_guardian", "township-ny", notify("NOT_RETURNED"));
        complete(pi, "ut_plan", "countyedu-ny", plan());
        assertThat(pi).task("ut_issue_order").hasCandidateGroup("township-official:" + SIDIAN).hasCandidateGroup("county-edu:" + NINGYANG);
    }

    @Test
    void aNewAbsenceDuringFollowUpReopensTheCaseAtTheHomeVisit() {
        ProcessInstance pi = open(laohuPupil("张小反"));
        complete(pi, "ut_home_visit", "teacher", visit("RETURNED"));
        fireTimer(pi, "timer_fu1");
        assertThat(pi).isWaitingAt("ut_follow_up_1");
        cases.absentAgain(pi.getBusinessKey(), "又连续三天未到校", user("teacher"));
        assertThat(pi).isWaitingAt("ut_home_visit").hasPassed("st_reopen");
        assertThat(task(pi, "ut_follow_up_1")).isNull();
        DropoutCase c = caseOf(pi);
        assertThat(c.status()).isEqualTo(DropoutCase.Status.SUSPECTED);
        assertThat(c.reopenCount()).isEqualTo(1);
        assertThatThrownBy(() -> cases.absentAgain(pi.getBusinessKey(), null, user("teacher")))
                .isInstanceOf(DropoutException.class).extracting("kind").isEqualTo(DropoutException.Kind.CONFLICT);
    }

    @Test
    void aFollowUpThatFindsThePupilAbsentReopensTheCase() {
        ProcessInstance pi = open(laohuPupil("张小复"));
        complete(pi, "ut_home_visit", "teacher", visit("RETURNED"));
        fireTimer(pi, "timer_fu1");
        complete(pi, "ut_follow_up_1", "teacher", followUp("IN_SCHOOL"));
        fireTimer(pi, "timer_fu2");
        complete(pi, "ut_follow_up_2", "teacher", followUp("ABSENT"));
        assertThat(pi).isWaitingAt("ut_home_visit").hasPassed("end_absent_2", "st_reopen");
        assertThat(caseOf(pi).reopenCount()).isEqualTo(1);
    }

    @Test
    void aSecondReportJoinsTheOpenCaseAndOneDuringFollowUpReopensIt() {
        long pupil = laohuPupil("张小重");
        String first = cases.report(pupil, DropoutCases.Source.TEACHER, null, null, user("teacher")).caseNumber();
        DropoutCases.ReportResult second = cases.report(pupil, DropoutCases.Source.ABSENCE, 6, null, user("leader"));
        assertThat(second.joined()).isTrue();
        assertThat(second.caseNumber()).isEqualTo(first);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first).count()).isEqualTo(1);
        assertThat(store.reportCount(caseOf(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first).singleResult()).id())).isEqualTo(2);

        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(first).singleResult();
        complete(pi, "ut_home_visit", "teacher", visit("RETURNED"));
        assertThat(cases.report(pupil, DropoutCases.Source.TEACHER, null, "再次缺课", user("teacher")).caseNumber()).isEqualTo(first);
        assertThat(pi).isWaitingAt("ut_home_visit");
    }

    @Test
    void theAbsenceImportReportsOnlyAbsencesOverTheCountysThreshold() {
        long over = laohuPupil("张缺六");
        long under = laohuPupil("张缺五");
        long excused = laohuPupil("张病假");
        var results = cases.reportAbsences(java.util.List.of(
                new DropoutCases.AbsenceRow(studentNumber(over), 6, null),
                new DropoutCases.AbsenceRow(studentNumber(under), 5, null),
                new DropoutCases.AbsenceRow(studentNumber(excused), 9, "病假条"),
                new DropoutCases.AbsenceRow("NO-SUCH-PUPIL", 9, null)), user("leader"));
        assertThat(results).extracting(DropoutCases.AbsenceResult::outcome)
                .containsExactly("REPORTED", "BELOW_THRESHOLD", "EXCUSED", "UNKNOWN_PUPIL");
        assertThat(store.openCaseOfPupil(over)).isPresent();
        assertThat(store.openCaseOfPupil(under)).isEmpty();
    }

    @Test
    void theTermStartRegisterCheckReportsPupilsOfCompulsoryAgeWithoutAnEnrolment() {
        String semester = org.baoxue.registry.Semesters.current(LocalDate.now());
        long missing = pupil("李未注册", YINSHAN_SCHOOL, YINSHAN, YINSHAN_VILLAGE, DONGPING);
        long enrolled = pupil("李已注册", YINSHAN_SCHOOL, YINSHAN, YINSHAN_VILLAGE, DONGPING);
        jdbc.sql("insert into enrolment (pupil_id, semester, school_code, grade, class_name) values (?,?,?,?,?)")
                .params(enrolled, semester, YINSHAN_SCHOOL, 8, "2班").update();

        java.util.List<String> reported = cases.registerCheck(semester, LocalDate.now(), user("leader3"));
        DropoutCase c = store.openCaseOfPupil(missing).orElseThrow();
        assertThat(reported).contains(c.caseNumber());
        assertThat(c.source()).isEqualTo("REGISTER");
        assertThat(store.openCaseOfPupil(enrolled)).isEmpty();
        assertThatThrownBy(() -> cases.registerCheck("2026 autumn", LocalDate.now(), user("leader3")))
                .isInstanceOf(DropoutException.class).extracting("kind").isEqualTo(DropoutException.Kind.INVALID);
    }

    String studentNumber(long pupilId) {
        return jdbc.sql("select student_number from pupil where id = ?").param(pupilId).query(String.class).single();
    }

    /** Both visits fail, the school reports in writing: the case waits for the township's notice and the plan. */
    ProcessInstance toPersuasion(long pupil) {
        ProcessInstance pi = open(pupil);
        complete(pi, "ut_home_visit", "teacher", visit("NOT_RETURNED"));
        complete(pi, "ut_joint_visit", "leader", visit("NOT_RETURNED"));
        complete(pi, "ut_written_report", "leader", report());
        return pi;
    }

    ProcessInstance toOrder(long pupil) {
        ProcessInstance pi = toPersuasion(pupil);
        complete(pi, "ut_notify_guardian", "cadre", notify("NOT_RETURNED"));
        complete(pi, "ut_plan", "countyedu", plan());
        assertThat(pi).isWaitingAt("ut_issue_order");
        return pi;
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
