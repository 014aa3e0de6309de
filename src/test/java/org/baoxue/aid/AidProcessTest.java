package org.baoxue.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baoxue.BaoxueTest;
import org.baoxue.calendar.WorkingCalendar;
import org.baoxue.registry.Hardship;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of aid-round and aid-application, with the real listeners, delegates and DMN tables. */
@BaoxueTest
class AidProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired AidService aid;
    @Autowired Duplicates duplicates;
    @Autowired WorkingCalendar calendar;
    @Autowired AidCases cases;

    AidFixture f;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        f = new AidFixture(jdbc, aid, tasks);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ProcessInstance pi(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    Job noticeTimer(AidRound round) {
        return management.createJobQuery().processInstanceId(round.processInstanceId()).timers().singleResult();
    }

    /** A round with the given pupils (identified at the DMN's suggested tier), submitted, in its public notice. */
    record Setup(AidRound round, List<AidApplication> apps) {
    }

    Setup roundInNotice(long... pupils) {
        AidRound round = f.openRound(AidFixture.semester());
        List<AidApplication> apps = new java.util.ArrayList<>();
        for (long p : pupils) {
            AidApplication app = f.apply(round, p, "SUBSISTENCE");
            f.evaluate(app, true);
            f.review(app, "2", null);
            apps.add(f.reload(app));
        }
        f.submit(round);
        return new Setup(f.reload(round), apps);
    }

    void endNotice(AidRound round) {
        management.executeJob(noticeTimer(round).getId());
    }

    @Test
    void approvedStraightThroughAndPaid() {
        long boarder = f.pupil(5, true, Hardship.SUBSISTENCE);
        long dayPupil = f.pupil(8, false, Hardship.ORPHAN);
        for (int i = 0; i < 6; i++) {
            f.pupil(4, true); // boarders who did not apply: the quota's base
        }
        AidRound round = f.openRound(AidFixture.semester());
        assertThat(round.caseNumber()).isEqualTo("ZZ-" + f.school.code() + "-" + round.semester() + "-SHBZ");
        ProcessInstance roundPi = pi(round.caseNumber());
        assertThat(roundPi).isWaitingAt("submitList");
        assertThat(roundPi).task().hasCandidateGroup("school-aid:" + f.school.code());

        AidApplication a1 = f.apply(round, boarder, "SUBSISTENCE");
        AidApplication a2 = f.apply(round, dayPupil, "ORPHAN");
        assertThat(a1.caseNumber()).isEqualTo(round.caseNumber() + "-A0001");
        ProcessInstance p1 = pi(a1.caseNumber());
        assertThat(p1).isWaitingAt("classEvaluation").task().hasCandidateGroup("class-teacher:" + f.school.code());
        f.evaluate(a1, true);
        f.evaluate(a2, true);
        assertThat(p1).hasPassed("suggestTier").isWaitingAt("schoolReview");
        assertThat(f.reload(a1).suggestedTier()).isEqualTo(2);
        assertThat(f.reload(a2).suggestedTier()).isEqualTo(1);
        f.review(a1, "2", null);
        f.review(a2, "1", null);
        assertThat(f.reload(a1).semesterAmount()).isEqualByComparingTo("625");   // primary boarder: 1250 a year
        assertThat(f.reload(a2).yearlyAmount()).isEqualByComparingTo("750");     // junior non-boarder: half of 1500
        assertThat(p1).isWaitingAt("roundDecision");

        f.submit(round);
        assertThat(roundPi).isWaitingAt("noticeTimer");
        assertThat(f.reload(round).status()).isEqualTo("NOTICE");
        endNotice(round);
        assertThat(roundPi).isWaitingAt("schoolApproval").task().hasCandidateGroup("school-leader:" + f.school.code());
        f.complete(round.caseNumber(), "schoolApproval", Map.of("meetingDate", "2026-03-10", "approvalOpinion", "同意"));
        assertThat(roundPi).isWaitingAt("countyReview").task().hasCandidateGroup("county-aid:370923");
        assertThat(f.reload(round).status()).isEqualTo("COUNTY_REVIEW");
        f.complete(round.caseNumber(), "countyReview", Map.of("countyDecision", "approved", "reviewOpinion", "审核通过"));
        assertThat(roundPi).isWaitingAt("roundPaid");
        assertThat(p1).isWaitingAt("paid");
        assertThat(f.reload(a1).status()).isEqualTo("APPROVED");

        // payment batch, export, paid
        var batch = aid.createBatch(f.finance, List.of(round.caseNumber()));
        assertThat(batch.totalAmount()).isEqualByComparingTo("1000"); // 625 + 375 per semester
        assertThatThrownBy(() -> aid.markPaid(f.finance, batch.batchNumber(), null))
                .isInstanceOf(AidRefusal.class).hasMessage("aid.refusal.batchNotExported");
        byte[] xlsx = aid.exportBatch(f.finance, batch.batchNumber());
        aid.markPaid(f.finance, batch.batchNumber(), null);
        assertThat(roundPi).isEnded();
        assertThat(p1).isEnded().hasPassed("done");
        assertThat(f.reload(a1).status()).isEqualTo("PAID");
        assertThat(f.reload(a1).paidOn()).isNotNull();
        assertThat(f.reload(round).status()).isEqualTo("PAID");
        assertThat(xlsx).isNotEmpty();
        // a second batch cannot take the same round again
        assertThatThrownBy(() -> aid.createBatch(f.finance, List.of(round.caseNumber()))).isInstanceOf(AidRefusal.class);
    }

    @Test
    void paymentExportHasMaskedIdsAndNeutralisedFormulas() throws Exception {
        long p = f.pupil(5, true, Hardship.ORPHAN);
        for (int i = 0; i < 4; i++) {
            f.pupil(5, true); // so that 30 % of the boarders allow one
        }
        jdbc.sql("update pupil set name = '=HYPERLINK(\"x\")' where id = ?").param(p).update();
        Setup s = roundInNotice(p);
        endNotice(s.round());
        f.complete(s.round().caseNumber(), "schoolApproval", Map.of("meetingDate", "2026-03-10", "approvalOpinion", "同意"));
        f.complete(s.round().caseNumber(), "countyReview", Map.of("countyDecision", "approved", "reviewOpinion", "通过"));
        var batch = aid.createBatch(f.finance, List.of(s.round().caseNumber()));
        byte[] xlsx = aid.exportBatch(f.finance, batch.batchNumber());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Row row = sheet.getRow(2);
            String id = s.apps().get(0).idNumber();
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("6222020200112233445");
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(625.0);
            for (Row r : sheet) {
                r.forEach(c -> assertThat(c.toString()).doesNotContain(id));
            }
        }
    }

    @Test
    void objectionChangesTierAndRestartsTheNotice() {
        long p = f.pupil(5, false, Hardship.SUBSISTENCE);
        Setup s = roundInNotice(p);
        AidApplication app = s.apps().get(0);
        Date firstDue = noticeTimer(s.round()).getDuedate();

        ClockUtil.setCurrentTime(Date.from(LocalDate.now().plusDays(1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        aid.recordObjection(f.teacher, s.round().caseNumber(), app.caseNumber(), "PARENT", "该生家庭已享受低保，应为1档");
        Task task = f.task(s.round().caseNumber(), "answerObjection");
        assertThat(cases.timeline(s.round().caseNumber())).anyMatch(e -> e.outcome().equals("该生家庭已享受低保，应为1档"));
        assertThat(task).hasCandidateGroup("school-aid:" + f.school.code());
        assertThat(task.getDueDate()).isEqualTo(Date.from(calendar.plusWorkingDays(
                LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Asia/Shanghai")), 3)
                .atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        tasks.complete(task.getId(), Map.of("outcome", "CHANGE_TIER", "newTier", "1", "answer", "经核查，改为1档"));

        assertThat(f.reload(app).tier()).isEqualTo(1);
        assertThat(f.reload(app).yearlyAmount()).isEqualByComparingTo("625");
        ProcessInstance roundPi = pi(s.round().caseNumber());
        assertThat(roundPi).hasPassed("restartNotice").isWaitingAt("noticeTimer");
        Date secondDue = noticeTimer(s.round()).getDuedate();
        assertThat(secondDue).isAfter(firstDue);
        AidRound round = f.reload(s.round());
        assertThat(round.noticeRestarts()).isEqualTo(1);
        assertThat(round.noticeEndsOn()).isEqualTo(calendar.plusWorkingDays(LocalDate.now().plusDays(1), 5));
        endNotice(round);
        assertThat(roundPi).isWaitingAt("schoolApproval");
    }

    @Test
    void objectionKeptDoesNotRestartAndOpenObjectionHoldsTheApproval() {
        Setup s = roundInNotice(f.pupil(5, false, Hardship.SUBSISTENCE));
        Date due = noticeTimer(s.round()).getDuedate();
        aid.recordObjection(f.schoolAid, s.round().caseNumber(), null, "PUPIL", "名单有误");
        endNotice(s.round());
        ProcessInstance roundPi = pi(s.round().caseNumber());
        assertThat(roundPi).isWaitingAt("answerObjection").isNotWaitingAt("schoolApproval");
        f.complete(s.round().caseNumber(), "answerObjection", Map.of("outcome", "KEEP", "answer", "经核查名单无误"));
        assertThat(roundPi).isWaitingAt("schoolApproval");
        assertThat(f.reload(s.round()).noticeRestarts()).isZero();
        assertThat(due).isNotNull();
    }

    @Test
    void objectionRemovesAnApplicant() {
        long p1 = f.pupil(5, false, Hardship.SUBSISTENCE);
        long p2 = f.pupil(6, false, Hardship.SUBSISTENCE);
        Setup s = roundInNotice(p1, p2);
        AidApplication removed = s.apps().get(1);
        aid.recordObjection(f.leader, s.round().caseNumber(), removed.caseNumber(), "TEACHER", "该生家庭已不符合条件");
        f.complete(s.round().caseNumber(), "answerObjection", Map.of("outcome", "REMOVE", "answer", "核实后移出名单"));
        assertThat(f.reload(removed).status()).isEqualTo("REMOVED");
        assertThat(pi(removed.caseNumber())).isNull();
        assertThat(f.reload(s.round()).noticeRestarts()).isEqualTo(1);
        assertThat(PublicList.of(s.round(), aid.applications(s.round()))).hasSize(1);
        endNotice(s.round());
        f.complete(s.round().caseNumber(), "schoolApproval", Map.of("meetingDate", "2026-03-10", "approvalOpinion", "同意"));
        f.complete(s.round().caseNumber(), "countyReview", Map.of("countyDecision", "approved", "reviewOpinion", "通过"));
        assertThat(f.reload(s.apps().get(0)).status()).isEqualTo("APPROVED");
        assertThat(f.reload(removed).status()).isEqualTo("REMOVED");
    }

    @Test
    void objectionsOnlyDuringTheNotice() {
        AidRound round = f.openRound(AidFixture.semester());
        assertThatThrownBy(() -> aid.recordObjection(f.schoolAid, round.caseNumber(), null, "PARENT", "异议"))
                .isInstanceOf(AidRefusal.class).hasMessage("aid.refusal.notInNotice");
        assertThat(jdbc.sql("select count(*) from aid_objection where round_id = ?").param(round.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void countySendsOneApplicationBack() {
        Setup s = roundInNotice(f.pupil(5, false, Hardship.SUBSISTENCE), f.pupil(5, false, Hardship.DISABILITY));
        endNotice(s.round());
        f.complete(s.round().caseNumber(), "schoolApproval", Map.of("meetingDate", "2026-03-10", "approvalOpinion", "同意"));
        AidApplication back = s.apps().get(0);
        assertThatThrownBy(() -> f.complete(s.round().caseNumber(), "countyReview", Map.of("countyDecision", "sentBack",
                "sentBackApplications", "ZZ-NOPE-A0001", "reviewOpinion", "材料不全")))
                .satisfies(e -> assertThat(AidRefusal.in(e).messageKey()).isEqualTo("aid.refusal.sendBackNumber"));
        f.complete(s.round().caseNumber(), "countyReview", Map.of("countyDecision", "sentBack",
                "sentBackApplications", back.caseNumber(), "reviewOpinion", "缺少低保证明"));
        ProcessInstance roundPi = pi(s.round().caseNumber());
        assertThat(roundPi).isWaitingAt("resubmit");
        assertThat(pi(back.caseNumber())).isWaitingAt("schoolReview");
        assertThat(f.reload(back).status()).isEqualTo("SENT_BACK");
        assertThat(f.reload(back).sentBackReason()).isEqualTo("缺少低保证明");
        assertThat(pi(s.apps().get(1).caseNumber())).isWaitingAt("roundDecision");
        // cannot resubmit before the school has reviewed it again
        assertThatThrownBy(() -> f.complete(s.round().caseNumber(), "resubmit", Map.of("resubmitNote", "已补充")))
                .satisfies(e -> assertThat(AidRefusal.in(e).messageKey()).isEqualTo("aid.refusal.listIncomplete"));
        f.review(back, "3", "补充材料后认定为3档");
        f.complete(s.round().caseNumber(), "resubmit", Map.of("resubmitNote", "已补充低保证明"));
        assertThat(roundPi).isWaitingAt("countyReview");
        f.complete(s.round().caseNumber(), "countyReview", Map.of("countyDecision", "approved", "reviewOpinion", "通过"));
        assertThat(f.reload(back).status()).isEqualTo("APPROVED");
        assertThat(pi(back.caseNumber())).isWaitingAt("paid");
    }

    @Test
    void quotaRefusesTheBoarderOverTheLimitAndChangesNothing() {
        // 7 boarders at the school: 30 % allows 2
        long[] boarders = new long[7];
        for (int i = 0; i < 7; i++) {
            boarders[i] = f.pupil(5, true, Hardship.POVERTY_REGISTERED);
        }
        AidRound round = f.openRound(AidFixture.semester());
        AidApplication[] apps = new AidApplication[3];
        for (int i = 0; i < 3; i++) {
            apps[i] = f.apply(round, boarders[i], "POVERTY_REGISTERED");
            f.evaluate(apps[i], true);
        }
        f.review(apps[0], "1", null);
        f.review(apps[1], "1", null);
        QuotaUse use = aid.quota(round);
        assertThat(use.identified()).isEqualTo(2);
        assertThat(use.limit()).isEqualTo(2);
        assertThat(use.over()).isFalse();
        assertThatThrownBy(() -> f.review(apps[2], "1", null))
                .satisfies(e -> assertThat(AidRefusal.in(e).messageKey()).isEqualTo("aid.refusal.quota"));
        assertThat(pi(apps[2].caseNumber())).isWaitingAt("schoolReview");
        assertThat(f.reload(apps[2]).tier()).isNull();
        // not identified is allowed (with a reason), and then the list can go to notice
        assertThatThrownBy(() -> f.review(apps[2], "0", null))
                .satisfies(e -> assertThat(AidRefusal.in(e).messageKey()).isEqualTo("aid.refusal.overrideReason"));
        f.review(apps[2], "0", "超出名额，按评议排序不予认定");
        assertThat(pi(apps[2].caseNumber())).isNull();
        assertThat(f.reload(apps[2]).status()).isEqualTo("REJECTED");
        f.submit(round);
        assertThat(pi(round.caseNumber())).isWaitingAt("noticeTimer");
    }

    @Test
    void submitRefusedOverQuota() {
        long[] boarders = {f.pupil(5, true), f.pupil(5, true), f.pupil(5, true), f.pupil(5, true)};
        AidRound round = f.openRound(AidFixture.semester());
        AidApplication a = f.apply(round, boarders[0], "ORPHAN");
        f.evaluate(a, true);
        f.review(a, "1", null); // 1 of 4 boarders: limit floor(1.2) = 1
        // a pupil leaves boarding: 3 boarders, limit 0, the list is over quota now
        jdbc.sql("update pupil set boarding = false where id = ?").param(boarders[3]).update();
        jdbc.sql("update pupil set boarding = false where id = ?").param(boarders[2]).update();
        assertThat(aid.quota(round).over()).isTrue();
        assertThatThrownBy(() -> f.submit(round))
                .satisfies(e -> assertThat(AidRefusal.in(e).messageKey()).isEqualTo("aid.refusal.quota"));
        assertThat(pi(round.caseNumber())).isWaitingAt("submitList");
        assertThat(f.reload(round).status()).isEqualTo("OPEN");
    }

    @Test
    void duplicateAcrossSchoolsIsFlaggedForTheCounty() {
        String id = AidFixture.idNumber();
        long here = f.pupil(f.school, 5, false, id, Hardship.SUBSISTENCE);
        AidFixture other = new AidFixture(jdbc, aid, tasks);
        long there = other.pupil(other.school, 5, false, id, Hardship.SUBSISTENCE);
        String semester = AidFixture.semester();
        AidRound r1 = f.openRound(semester);
        AidRound r2 = other.openRound(semester);
        AidApplication a1 = f.apply(r1, here, "SUBSISTENCE");
        AidApplication a2 = other.apply(r2, there, "SUBSISTENCE");
        AidApplication clean = f.apply(r1, f.pupil(5, false), "SUBSISTENCE");
        assertThat(duplicates.ofRound(r1.id())).containsKey(a1.id()).doesNotContainKey(clean.id());
        assertThat(duplicates.ofRound(r1.id()).get(a1.id())).containsExactly("OTHER_SCHOOL");
        assertThat(duplicates.ofRound(r2.id()).get(a2.id())).containsExactly("OTHER_SCHOOL");
        // once the other school drops the pupil, the flag goes
        other.evaluate(a2, false);
        assertThat(duplicates.ofRound(r1.id())).doesNotContainKey(a1.id());
    }

    @Test
    void noticeTimerCountsWorkingDaysOverNationalDay() {
        // submitted on Tuesday 29 September 2026: 1-7 October are holidays, so 5 working days end on 13 October
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDateTime submitted = LocalDateTime.of(2026, 9, 29, 9, 0);
        ClockUtil.setCurrentTime(Date.from(submitted.atZone(zone).toInstant()));
        Setup s = roundInNotice(f.pupil(5, false, Hardship.SUBSISTENCE));
        Job timer = noticeTimer(s.round());
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), zone);
        assertThat(due).isEqualTo(calendar.plusWorkingDays(submitted, 5));
        assertThat(due.toLocalDate()).isAfter(LocalDate.of(2026, 10, 7));
        assertThat(s.round().noticeEndsOn()).isEqualTo(due.toLocalDate());
        endNotice(s.round());
        assertThat(pi(s.round().caseNumber())).isWaitingAt("schoolApproval");
    }

    @Test
    void notRecommendedEndsTheApplication() {
        AidRound round = f.openRound(AidFixture.semester());
        AidApplication a = f.apply(round, f.pupil(3, false), "DISASTER");
        f.evaluate(a, false);
        assertThat(pi(a.caseNumber())).isNull();
        assertThat(f.reload(a).status()).isEqualTo("NOT_RECOMMENDED");
        assertThatThrownBy(() -> f.submit(round))
                .satisfies(e -> assertThat(AidRefusal.in(e).messageKey()).isEqualTo("aid.refusal.listEmpty"));
    }

    @Test
    void badInputIsRefusedBeforeAnythingChanges() {
        AidRound round = f.openRound(AidFixture.semester());
        assertThatThrownBy(() -> f.openRound(round.semester())).isInstanceOf(AidRefusal.class).hasMessage("aid.refusal.roundExists");
        assertThatThrownBy(() -> aid.apply(f.teacher, round.caseNumber(), f.pupil(3, false), List.of("LEFT_BEHIND"), null, "6222020200112233445"))
                .hasMessage("aid.refusal.category");
        assertThatThrownBy(() -> aid.apply(f.teacher, round.caseNumber(), f.pupil(3, false), List.of(), null, "12ab"))
                .hasMessage("aid.refusal.cardAccount");
        assertThatThrownBy(() -> aid.openRound(f.teacher, "LIVING_SUBSIDY", "2030-1", "通知")).hasMessage("aid.refusal.role");
        AidApplication a = f.apply(round, f.pupil(3, false), "DISASTER");
        assertThatThrownBy(() -> f.complete(a.caseNumber(), "classEvaluation", Map.of("classRank", 0, "recommendation", "RECOMMEND", "classOpinion", "好")))
                .satisfies(e -> assertThat(AidRefusal.in(e).messageKey()).isEqualTo("aid.refusal.range"));
        assertThat(pi(a.caseNumber())).isWaitingAt("classEvaluation");
        assertThat(f.reload(a).classRank()).isNull();
    }

    @Test
    void semesterRecheckFlagsPupilsWhoLeftOrLeftTheirCategory() {
        long stays = f.pupil(5, false, Hardship.SUBSISTENCE);
        long leaves = f.pupil(5, false, Hardship.SUBSISTENCE);
        long recovered = f.pupil(5, false, Hardship.SUBSISTENCE);
        Setup s = roundInNotice(stays, leaves, recovered);
        jdbc.sql("update pupil set status = 'TRANSFERRED' where id = ?").param(leaves).update();
        jdbc.sql("update household_hardship set until = ? where household_id = (select household_id from pupil where id = ?)")
                .params(LocalDate.now(), recovered).update();
        org.baoxue.org.BaoxueUser otherCounty = AidFixture.user("c", f.unit("A370921"), org.baoxue.org.Role.COUNTY_AID);
        assertThat(aid.recheck(otherCounty, s.round().semester())).isZero();
        assertThat(aid.recheck(f.countyAid, s.round().semester())).isEqualTo(2);
        assertThat(f.reload(s.apps().get(0)).reviewFlag()).isNull();
        assertThat(f.reload(s.apps().get(1)).reviewFlag()).isEqualTo("LEFT_SCHOOL");
        assertThat(f.reload(s.apps().get(2)).reviewFlag()).isEqualTo("HARDSHIP_ENDED");
    }

    @Test
    void casesShowInTheTaskListAndOnThePupilsPage() {
        long p = f.pupil(5, false, Hardship.ORPHAN);
        AidRound round = f.openRound(AidFixture.semester());
        AidApplication app = f.apply(round, p, "ORPHAN");
        f.evaluate(app, true);
        assertThat(cases.owns(app.caseNumber())).isTrue();
        assertThat(cases.owns("KC-1")).isFalse();
        var header = cases.header(app.caseNumber()).orElseThrow();
        assertThat(header.pupilMaskedName()).isEqualTo(app.maskedName());
        assertThat(header.schoolCode()).isEqualTo(f.school.code());
        assertThat(cases.header(round.caseNumber()).orElseThrow().kindMessageKey()).isEqualTo("aid.case.round");
        assertThat(cases.timeline(app.caseNumber())).extracting(org.baoxue.tasklist.TimelineEntry::step)
                .containsExactly("班级民主评议", "建议档次（aid-tier 决策表）");
        assertThat(cases.timeline(app.caseNumber()).get(1).outcome()).isEqualTo("1档（孤儿）");
        assertThat(cases.casesOf(p)).extracting(org.baoxue.registry.PupilCaseSource.PupilCase::caseNumber).containsExactly(app.caseNumber());
    }

    @Test
    void aChangeAnsweredAfterTheNoticeEndedRunsTheNoticeAgain() {
        long p1 = f.pupil(5, false, Hardship.SUBSISTENCE);
        long p2 = f.pupil(5, false, Hardship.SUBSISTENCE);
        Setup s = roundInNotice(p1, p2);
        aid.recordObjection(f.schoolAid, s.round().caseNumber(), s.apps().get(0).caseNumber(), "PARENT", "应为3档");
        endNotice(s.round());
        ProcessInstance roundPi = pi(s.round().caseNumber());
        assertThat(roundPi).isWaitingAt("answerObjection");
        assertThat(noticeTimer(s.round())).isNull();
        assertThatThrownBy(() -> f.complete(s.round().caseNumber(), "answerObjection", Map.of("outcome", "CHANGE_TIER", "newTier", "3", "answer", "改")))
                .satisfies(e -> assertThat(AidRefusal.in(e).messageKey()).isEqualTo("aid.refusal.tooShort"));
        f.complete(s.round().caseNumber(), "answerObjection", Map.of("outcome", "CHANGE_TIER", "newTier", "3", "answer", "核实后改为3档"));
        assertThat(roundPi).hasPassedInOrder("restartNotice", "restartPendingGw", "noticeStart").isWaitingAt("noticeTimer");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(roundPi.getId())
                .activityId("noticeStart").count()).isEqualTo(2);
        assertThat(f.reload(s.round()).noticeRestarts()).isEqualTo(1);
        assertThat(f.reload(s.apps().get(0)).tier()).isEqualTo(3);
        endNotice(s.round());
        assertThat(roundPi).isWaitingAt("schoolApproval");
    }
}
