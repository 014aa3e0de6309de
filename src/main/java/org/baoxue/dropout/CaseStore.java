package org.baoxue.dropout;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baoxue.org.Jurisdiction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The dropout tables. Every write joins the caller's transaction (the engine's, when called from a listener). */
@Repository
class CaseStore {

    private static final String COLUMNS = """
            c.id, c.case_number, c.pupil_id, p.name as pupil_name, c.process_instance_id, c.status, c.stage, c.source,
            c.county_code, c.township_code, c.village_code, c.school_code, s.name as school_name, c.opened_on, c.reason,
            c.returned_on, c.closed_on, c.close_reason, c.placement, c.admin_official, c.admin_village_cadre,
            c.edu_county_officer, c.edu_township_officer, c.edu_school_person, c.overdue, c.reopen_count
            """;
    private static final String FROM = " from dropout_case c join pupil p on p.id = c.pupil_id join org_unit s on s.code = c.school_code ";

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the county's year: KC-370923-2026-000123. Portable: a counter row updated in the transaction. */
    String nextCaseNumber(String countyCode, int year) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("update dropout_case_counter set last_number = last_number + 1 where county_code = ? and seq_year = ?")
                    .params(countyCode, year).update();
            if (updated == 0) {
                try {
                    jdbc.sql("insert into dropout_case_counter (county_code, seq_year, last_number) values (?,?,1)")
                            .params(countyCode, year).update();
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            int number = jdbc.sql("select last_number from dropout_case_counter where county_code = ? and seq_year = ?")
                    .params(countyCode, year).query(Integer.class).single();
            return String.format("KC-%s-%d-%06d", countyCode, year, number);
        }
        throw new IllegalStateException("case number counter contended");
    }

    long insertCase(String caseNumber, long pupilId, String source, String countyCode, String townshipCode,
                    String villageCode, String schoolCode, LocalDate openedOn, String openedBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into dropout_case (case_number, pupil_id, status, stage, source, county_code, township_code,
                        village_code, school_code, opened_on, opened_by) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(caseNumber, pupilId, DropoutCase.Status.SUSPECTED.name(), "reported", source, countyCode,
                        townshipCode, villageCode, schoolCode, Date.valueOf(openedOn), openedBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setProcessInstance(long caseId, String processInstanceId) {
        jdbc.sql("update dropout_case set process_instance_id = ? where id = ?").params(processInstanceId, caseId).update();
    }

    Optional<DropoutCase> find(String caseNumber) {
        return jdbc.sql("select " + COLUMNS + FROM + "where c.case_number = ?").param(caseNumber).query(this::row).optional();
    }

    Optional<DropoutCase> findVisible(String caseNumber, Jurisdiction jurisdiction) {
        List<Object> args = new ArrayList<>();
        args.add(caseNumber);
        args.addAll(jurisdiction.args());
        return jdbc.sql("select " + COLUMNS + FROM + "where c.case_number = ? and " + jurisdiction.sql("c"))
                .params(args).query(this::row).optional();
    }

    Optional<DropoutCase> openCaseOfPupil(long pupilId) {
        return jdbc.sql("select " + COLUMNS + FROM + "where c.pupil_id = ? and c.status <> 'CLOSED' order by c.id desc")
                .param(pupilId).query(this::row).list().stream().findFirst();
    }

    List<DropoutCase> casesOfPupil(long pupilId) {
        return jdbc.sql("select " + COLUMNS + FROM + "where c.pupil_id = ? order by c.id desc").param(pupilId).query(this::row).list();
    }

    /** A ledger: the cases of one status in a jurisdiction, newest first. */
    List<DropoutCase> ledger(DropoutCase.Status status, Jurisdiction jurisdiction, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(status.name());
        args.addAll(jurisdiction.args());
        return jdbc.sql("select " + COLUMNS + FROM + "where c.status = ? and " + jurisdiction.sql("c")
                        + " order by c.opened_on desc, c.id desc limit " + Math.max(1, Math.min(limit, 5000)))
                .params(args).query(this::row).list();
    }

    void addReport(long caseId, String source, String reportedBy, Integer absentDays, String note) {
        jdbc.sql("insert into dropout_report (case_id, reported_at, source, reported_by, absent_days, note) values (?,?,?,?,?,?)")
                .params(caseId, now(), source, reportedBy, absentDays, note).update();
    }

    int reportCount(long caseId) {
        return jdbc.sql("select count(*) from dropout_report where case_id = ?").param(caseId).query(Integer.class).single();
    }

    void addVisit(long caseId, String step, LocalDate visitDate, String visitors, String metWith, String reason,
                  String outcome, String note, String recordedBy) {
        jdbc.sql("""
                        insert into dropout_visit (case_id, step, visit_date, visitors, met_with, reason, outcome, note,
                        recorded_by, recorded_at) values (?,?,?,?,?,?,?,?,?,?)""")
                .params(caseId, step, Date.valueOf(visitDate), visitors, metWith, reason, outcome, note, recordedBy, now())
                .update();
        jdbc.sql("update dropout_case set reason = ?, updated_at = ? where id = ?").params(reason, now(), caseId).update();
    }

    List<Visit> visits(long caseId) {
        return jdbc.sql("select step, visit_date, visitors, met_with, reason, outcome, note, recorded_by, recorded_at "
                        + "from dropout_visit where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> new Visit(rs.getString("step"), rs.getDate("visit_date").toLocalDate(),
                        rs.getString("visitors"), rs.getString("met_with"), rs.getString("reason"),
                        rs.getString("outcome"), rs.getString("note"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toLocalDateTime()))
                .list();
    }

    void addStep(long caseId, String step, String username, String outcome, LocalDate docDate, String docNumber,
                 LocalDate deadline, String detail) {
        jdbc.sql("""
                        insert into dropout_step (case_id, step, occurred_at, username, outcome, doc_date, doc_number,
                        deadline, detail) values (?,?,?,?,?,?,?,?,?)""")
                .params(caseId, step, now(), username, outcome, docDate == null ? null : Date.valueOf(docDate), docNumber,
                        deadline == null ? null : Date.valueOf(deadline), truncate(detail, 2000))
                .update();
    }

    List<Step> steps(long caseId) {
        return jdbc.sql("select step, occurred_at, username, outcome, doc_date, doc_number, deadline, detail "
                        + "from dropout_step where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> new Step(rs.getString("step"), rs.getTimestamp("occurred_at").toLocalDateTime(),
                        rs.getString("username"), rs.getString("outcome"), date(rs, "doc_date"),
                        rs.getString("doc_number"), date(rs, "deadline"), rs.getString("detail")))
                .list();
    }

    long addLetter(long caseId, String letterNumber, String issuer, String issuerName, LocalDate issuedOn,
                   LocalDate deadline, String guardianName, String guardianAddress, String issuedBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into dropout_letter (case_id, letter_number, issuer, issuer_name, issued_on, deadline,
                        guardian_name, guardian_address, issued_by, created_at) values (?,?,?,?,?,?,?,?,?,?)""")
                .params(caseId, letterNumber, issuer, issuerName, Date.valueOf(issuedOn), Date.valueOf(deadline),
                        guardianName, guardianAddress, issuedBy, now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    int letterCount(long caseId) {
        return jdbc.sql("select count(*) from dropout_letter where case_id = ?").param(caseId).query(Integer.class).single();
    }

    List<Letter> letters(long caseId) {
        return jdbc.sql("select id, letter_number, issuer, issuer_name, issued_on, deadline, guardian_name, guardian_address, "
                        + "issued_by, created_at from dropout_letter where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> new Letter(rs.getLong("id"), rs.getString("letter_number"), rs.getString("issuer"),
                        rs.getString("issuer_name"), rs.getDate("issued_on").toLocalDate(),
                        rs.getDate("deadline").toLocalDate(), rs.getString("guardian_name"),
                        rs.getString("guardian_address"), rs.getString("issued_by"),
                        rs.getTimestamp("created_at").toLocalDateTime()))
                .list();
    }

    void setStatus(long caseId, DropoutCase.Status status) {
        jdbc.sql("update dropout_case set status = ?, updated_at = ? where id = ?").params(status.name(), now(), caseId).update();
    }

    void setStage(long caseId, String stage) {
        jdbc.sql("update dropout_case set stage = ?, updated_at = ? where id = ?").params(stage, now(), caseId).update();
    }

    void setResponsibles(long caseId, String adminOfficial, String villageCadre, String countyEdu, String townshipEdu, String school) {
        jdbc.sql("""
                        update dropout_case set admin_official = ?, admin_village_cadre = ?, edu_county_officer = ?,
                        edu_township_officer = ?, edu_school_person = ?, updated_at = ? where id = ?""")
                .params(adminOfficial, villageCadre, countyEdu, townshipEdu, school, now(), caseId).update();
    }

    void setPlacement(long caseId, String placement) {
        jdbc.sql("update dropout_case set placement = ?, updated_at = ? where id = ?").params(placement, now(), caseId).update();
    }

    void setUnits(long caseId, String countyCode, String townshipCode, String villageCode, String schoolCode) {
        jdbc.sql("update dropout_case set county_code = ?, township_code = ?, village_code = ?, school_code = ?, updated_at = ? where id = ?")
                .params(countyCode, townshipCode, villageCode, schoolCode, now(), caseId).update();
    }

    void returned(long caseId, LocalDate on) {
        jdbc.sql("update dropout_case set status = 'RETURNED', returned_on = ?, stage = 'follow_up', updated_at = ? where id = ?")
                .params(Date.valueOf(on), now(), caseId).update();
    }

    void reopened(long caseId) {
        jdbc.sql("update dropout_case set status = 'SUSPECTED', returned_on = null, reopen_count = reopen_count + 1, updated_at = ? where id = ?")
                .params(now(), caseId).update();
    }

    void close(long caseId, LocalDate on, String reason, String note) {
        jdbc.sql("update dropout_case set status = 'CLOSED', stage = 'closed', closed_on = ?, close_reason = ?, close_note = ?, "
                        + "overdue = false, updated_at = ? where id = ?")
                .params(Date.valueOf(on), reason, truncate(note, 1000), now(), caseId).update();
        jdbc.sql("update dropout_overdue set resolved_at = ? where case_id = ? and resolved_at is null").params(now(), caseId).update();
    }

    void markOverdue(long caseId, String step, String taskId, java.util.Date dueAt) {
        jdbc.sql("insert into dropout_overdue (case_id, step, task_id, due_at, noted_at) values (?,?,?,?,?)")
                .params(caseId, step, taskId, dueAt == null ? null : new Timestamp(dueAt.getTime()), now()).update();
        jdbc.sql("update dropout_case set overdue = true, updated_at = ? where id = ?").params(now(), caseId).update();
    }

    /** The step is done: its overdue mark is resolved, and the case is overdue only while another mark is open. */
    void resolveOverdue(long caseId, String taskId) {
        jdbc.sql("update dropout_overdue set resolved_at = ? where case_id = ? and task_id = ? and resolved_at is null")
                .params(now(), caseId, taskId).update();
        jdbc.sql("update dropout_case set overdue = (select count(*) from dropout_overdue o where o.case_id = ? and o.resolved_at is null) > 0 where id = ?")
                .params(caseId, caseId).update();
    }

    List<String> openOverdueSteps(long caseId) {
        return jdbc.sql("select step from dropout_overdue where case_id = ? and resolved_at is null order by id")
                .param(caseId).query(String.class).list();
    }

    private DropoutCase row(ResultSet rs, int n) throws SQLException {
        return new DropoutCase(rs.getLong("id"), rs.getString("case_number"), rs.getLong("pupil_id"), rs.getString("pupil_name"),
                rs.getString("process_instance_id"), DropoutCase.Status.valueOf(rs.getString("status")), rs.getString("stage"),
                rs.getString("source"), rs.getString("county_code"), rs.getString("township_code"), rs.getString("village_code"),
                rs.getString("school_code"), rs.getString("school_name"), date(rs, "opened_on"), rs.getString("reason"),
                date(rs, "returned_on"), date(rs, "closed_on"), rs.getString("close_reason"), rs.getString("placement"),
                rs.getString("admin_official"), rs.getString("admin_village_cadre"), rs.getString("edu_county_officer"),
                rs.getString("edu_township_officer"), rs.getString("edu_school_person"), rs.getBoolean("overdue"),
                rs.getInt("reopen_count"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    record Visit(String step, LocalDate visitDate, String visitors, String metWith, String reason, String outcome,
                 String note, String recordedBy, LocalDateTime recordedAt) {
    }

    record Step(String step, LocalDateTime at, String username, String outcome, LocalDate docDate, String docNumber,
                LocalDate deadline, String detail) {
    }

    record Letter(long id, String letterNumber, String issuer, String issuerName, LocalDate issuedOn, LocalDate deadline,
                  String guardianName, String guardianAddress, String issuedBy, LocalDateTime createdAt) {
    }
}
