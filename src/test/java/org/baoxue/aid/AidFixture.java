package org.baoxue.aid;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.Role;
import org.baoxue.org.Unit;
import org.baoxue.org.UnitKind;
import org.baoxue.registry.Hardship;
import org.baoxue.registry.IdNumbers;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Test data of the aid tests: a fresh school per test (so quotas and rounds do not depend on other tests), pupils
 * inserted with their household's categories, and in-memory users of that school and of county 370923.
 */
final class AidFixture {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

    final JdbcClient jdbc;
    final AidService aid;
    final TaskService tasks;
    final Unit school;
    final BaoxueUser teacher;
    final BaoxueUser schoolAid;
    final BaoxueUser leader;
    final BaoxueUser countyAid;
    final BaoxueUser finance;

    AidFixture(JdbcClient jdbc, AidService aid, TaskService tasks) {
        this.jdbc = jdbc;
        this.aid = aid;
        this.tasks = tasks;
        this.school = newSchool();
        this.teacher = user("t", school, Role.CLASS_TEACHER);
        this.schoolAid = user("a", school, Role.SCHOOL_AID);
        this.leader = user("l", school, Role.SCHOOL_LEADER);
        this.countyAid = user("c", unit("A370923"), Role.COUNTY_AID);
        this.finance = user("f", unit("F370923"), Role.FINANCE);
    }

    static int next() {
        return SEQ.incrementAndGet();
    }

    Unit newSchool() {
        String code = "T9" + String.format("%08d", next());
        jdbc.sql("insert into org_unit (code, name, kind, parent_code, county_code, township_code, village_code) values (?,?,?,?,?,?,?)")
                .params(code, "测试学校" + code, "SCHOOL", "370923101", "370923", "370923101", null).update();
        return unit(code);
    }

    Unit unit(String code) {
        return jdbc.sql("select code, name, kind, parent_code, county_code, township_code, village_code from org_unit where code = ?")
                .param(code).query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), UnitKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).single();
    }

    static BaoxueUser user(String prefix, Unit unit, Role role) {
        return new BaoxueUser(prefix + "-" + unit.code(), "测试" + prefix, null, true, unit, Set.of(role));
    }

    /** A pupil at the school (or another), with a fresh or the given ID number. */
    long pupil(Unit at, int grade, boolean boarding, String idNumber, Hardship... hardships) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into household (head_name, county_code, township_code, village_code) values ('测试户', '370923', '370923101', '370923101201')")
                .update(keys, "id");
        long household = keys.getKey().longValue();
        for (Hardship h : hardships) {
            jdbc.sql("insert into household_hardship (household_id, category, since) values (?,?,?)")
                    .params(household, h.name(), LocalDate.of(2024, 1, 1)).update();
        }
        String id = idNumber != null ? idNumber : idNumber();
        var pk = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into pupil (student_number, name, id_number, gender, birth_date, household_id, school_code, county_code,
                                   township_code, village_code, grade, class_name, boarding, status)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?, 'ENROLLED')""")
                .params("TS" + next(), "测试学生" + next(), id, IdNumbers.gender(id), IdNumbers.birthDate(id).orElseThrow(),
                        household, at.code(), "370923", "370923101", "370923101201", grade, grade + "年级1班", boarding)
                .update(pk, "id");
        return pk.getKey().longValue();
    }

    long pupil(int grade, boolean boarding, Hardship... hardships) {
        return pupil(school, grade, boarding, null, hardships);
    }

    static String idNumber() {
        int n = next();
        String birth = LocalDate.of(2012, 1, 1).plusDays((n / 900) % 3000).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "370923" + birth + String.format("%03d", 100 + n % 800);
        return first17 + IdNumbers.checkDigit(first17);
    }

    static String semester() {
        return (2040 + next() % 59) + "-" + (1 + next() % 2);
    }

    AidRound openRound(String semester) {
        return aid.openRound(schoolAid, "LIVING_SUBSIDY", semester, "本学期义务教育家庭经济困难学生生活补助申请通知");
    }

    AidApplication apply(AidRound round, long pupil, String... categories) {
        return aid.apply(teacher, round.caseNumber(), pupil, List.of(categories), "低保证复印件.pdf", "6222020200112233445");
    }

    Task task(String businessKey, String activity) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(activity).singleResult();
    }

    void complete(String businessKey, String activity, Map<String, Object> values) {
        Task t = task(businessKey, activity);
        if (t == null) {
            throw new AssertionError("no task " + activity + " for " + businessKey);
        }
        tasks.complete(t.getId(), values);
    }

    void evaluate(AidApplication app, boolean recommend) {
        complete(app.caseNumber(), "classEvaluation", Map.of("classRank", 1, "recommendation", recommend ? "RECOMMEND" : "NOT_RECOMMEND",
                "classOpinion", "评议小组一致意见"));
    }

    void review(AidApplication app, String tier, String reason) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("tier", tier));
        if (reason != null) {
            values.put("overrideReason", reason);
        }
        complete(app.caseNumber(), "schoolReview", values);
    }

    void submit(AidRound round) {
        complete(round.caseNumber(), "submitList", Map.of("noticePlace", "学校公示栏", "listConfirmed", true));
    }

    AidApplication reload(AidApplication app) {
        return aid.application(app.caseNumber()).orElseThrow();
    }

    AidRound reload(AidRound round) {
        return aid.round(round.caseNumber(), countyAid).orElseThrow();
    }

    static Set<Hardship> none() {
        return EnumSet.noneOf(Hardship.class);
    }
}
