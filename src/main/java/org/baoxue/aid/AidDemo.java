package org.baoxue.aid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.baoxue.registry.Semesters;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo aid rounds over the demo schools, each stopped at a different step, made through the same services and
 * task completions as real work: last semester's round of 老湖镇中心小学 paid; last semester's round of
 * 银山镇中心小学 approved and awaiting payment; this semester 老湖镇中心小学 in public notice with an open
 * objection, 老湖镇初级中学 over its boarders' quota (boarders who became day pupils), 银山镇中心小学 accepting
 * applications.
 */
@Component
@ConditionalOnProperty(name = "baoxue.demo-cases", havingValue = "true")
class AidDemo {

    private static final Logger log = LoggerFactory.getLogger(AidDemo.class);

    private final AidService aid;
    private final OrgDirectory org;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcClient jdbc;

    AidDemo(AidService aid, OrgDirectory org, TaskService tasks, ManagementService management, JdbcClient jdbc) {
        this.aid = aid;
        this.org = org;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    public void load() {
        if (jdbc.sql("select count(*) from aid_round where school_code like '3137%'").query(Integer.class).single() > 0) {
            return;
        }
        String now = Semesters.current(aid.today());
        String previous = now.endsWith("-2") ? now.substring(0, 4) + "-1" : (Integer.parseInt(now.substring(0, 4)) - 1) + "-2";

        AidRound paid = identified("schoolaid", "teacher", previous, 5);
        toCounty(paid, "leader");
        complete(paid.caseNumber(), "countyReview", Map.of("countyDecision", "approved", "reviewOpinion", "审核通过"));
        BaoxueUser finance = user("finance");
        PaymentBatch batch = aid.createBatch(finance, List.of(paid.caseNumber()));
        aid.exportBatch(finance, batch.batchNumber());
        aid.markPaid(finance, batch.batchNumber(), null);

        AidRound approved = identified("schoolaid3", "teacher3", previous, 4);
        toCounty(approved, "leader3");
        complete(approved.caseNumber(), "countyReview", Map.of("countyDecision", "approved", "reviewOpinion", "审核通过"));

        AidRound notice = identified("schoolaid", "teacher", now, 6);
        submit(notice);
        List<AidApplication> onList = aid.applications(notice).stream().filter(a -> "REVIEWED".equals(a.status())).toList();
        if (!onList.isEmpty()) {
            aid.recordObjection(user("schoolaid"), notice.caseNumber(), onList.get(0).caseNumber(), "PARENT",
                    "家长反映该生家庭去年已脱贫，档次偏高，请学校核查。");
        }

        AidRound overQuota = identified("schoolaid2", "teacher2", now, 6);
        // two boarders who did not apply moved home and became day pupils: the list is now over the quota
        QuotaUse use = aid.quota(overQuota);
        int toDay = Math.max(0, use.boarders() - (int) Math.floor(use.identified() / use.share()) + 1);
        jdbc.sql("update pupil set boarding = false where id in (select id from pupil p where p.school_code = ? and p.boarding = true "
                        + "and not exists (select 1 from aid_application a where a.pupil_id = p.id) order by p.id limit " + toDay + ")")
                .param(overQuota.schoolCode()).update();

        AidRound open = aid.openRound(user("schoolaid3"), "LIVING_SUBSIDY", now, "关于做好本学期家庭经济困难学生生活补助申请工作的通知");
        for (long pupil : hardshipPupils(open.schoolCode(), 3)) {
            aid.apply(user("teacher3"), open.caseNumber(), pupil, categories(pupil), "困难证明材料已存档", "6217000010012345678");
        }
        log.info("Loaded demo aid rounds");
    }

    /** A round whose hardship pupils have been evaluated and identified at the suggested tier, within the quota. */
    private AidRound identified(String schoolAid, String teacher, String semester, int applicants) {
        BaoxueUser officer = user(schoolAid);
        AidRound round = aid.openRound(officer, "LIVING_SUBSIDY", semester, "关于做好家庭经济困难学生生活补助申请工作的通知");
        int rank = 1;
        for (long pupil : hardshipPupils(round.schoolCode(), applicants)) {
            AidApplication app = aid.apply(user(teacher), round.caseNumber(), pupil, categories(pupil), "困难证明材料已存档",
                    "62170000100" + String.format("%08d", pupil));
            complete(app.caseNumber(), "classEvaluation", Map.of("classRank", rank++, "recommendation", "RECOMMEND",
                    "classOpinion", "评议小组一致推荐"));
            app = aid.application(app.caseNumber()).orElseThrow();
            Map<String, Object> review = new HashMap<>();
            int tier = app.suggestedTier() == null || app.suggestedTier() == 0 ? 3 : app.suggestedTier();
            if (app.boarding() && aid.quota(round, app.id(), true).over()) {
                review.put("tier", "0");
                review.put("overrideReason", "寄宿生名额已满，按评议排序不予认定");
            } else {
                review.put("tier", String.valueOf(tier));
                if (app.suggestedTier() == null || tier != app.suggestedTier()) {
                    review.put("overrideReason", "家访核实家庭确有困难");
                }
            }
            complete(app.caseNumber(), "schoolReview", review);
        }
        return round;
    }

    private void submit(AidRound round) {
        complete(round.caseNumber(), "submitList", Map.of("noticePlace", "学校公示栏", "listConfirmed", true));
    }

    private void toCounty(AidRound round, String leader) {
        submit(round);
        management.createJobQuery().processInstanceId(aid.round(round.caseNumber(), user("countyaid")).orElseThrow().processInstanceId())
                .timers().list().forEach(j -> management.executeJob(j.getId()));
        complete(round.caseNumber(), "schoolApproval", Map.of("meetingDate", aid.today().toString(), "approvalOpinion", "同意上报"));
    }

    private void complete(String businessKey, String activity, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(activity).singleResult();
        tasks.complete(task.getId(), values);
    }

    private List<Long> hardshipPupils(String school, int n) {
        return jdbc.sql("""
                select p.id from pupil p where p.school_code = ? and p.status = 'ENROLLED' and exists (
                  select 1 from household_hardship h where h.household_id = p.household_id and h.until is null
                  and h.category in ('POVERTY_REGISTERED', 'SUBSISTENCE', 'EXTREME_POVERTY', 'ORPHAN', 'DISABILITY', 'MARTYR',
                                     'DISASTER', 'SERIOUS_ILLNESS'))
                order by p.boarding desc, p.id""" + " limit " + n).param(school).query(Long.class).list();
    }

    private List<String> categories(long pupil) {
        return jdbc.sql("""
                select h.category from household_hardship h join pupil p on p.household_id = h.household_id
                where p.id = ? and h.until is null and h.category in ('POVERTY_REGISTERED', 'SUBSISTENCE', 'EXTREME_POVERTY',
                      'ORPHAN', 'DISABILITY', 'MARTYR', 'DISASTER', 'SERIOUS_ILLNESS') order by h.category""")
                .param(pupil).query(String.class).list();
    }

    private BaoxueUser user(String username) {
        return org.user(username).orElseThrow(() -> new IllegalStateException("demo user " + username + " missing"));
    }
}
