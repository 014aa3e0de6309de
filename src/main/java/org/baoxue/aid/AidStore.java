package org.baoxue.aid;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baoxue.org.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The aid tables. No jurisdiction checks here except where a method takes a {@link Jurisdiction}. */
@Repository
class AidStore {

    static final List<String> OPEN_STATES = List.of("CLASS_EVALUATION", "SCHOOL_REVIEW", "SENT_BACK");
    static final List<String> DROPPED_STATES = List.of("NOT_RECOMMENDED", "REJECTED", "REMOVED");

    private static final String ROUND_COLUMNS = """
            r.id, r.case_number, r.programme, r.semester, r.school_code, s.name as school_name, r.county_code,
            r.township_code, r.status, r.call_text, r.opened_by, r.opened_at, r.notice_started_on, r.notice_ends_on,
            r.notice_restarts, r.notice_place, r.payment_batch_id, r.process_instance_id
            """;
    private static final String ROUND_FROM = " from aid_round r join org_unit s on s.code = r.school_code ";
    private static final String APP_COLUMNS = """
            a.*, r.case_number as round_case_number, p.name as pupil_name, p.id_number as pupil_id_number
            """;
    private static final String APP_FROM = " from aid_application a join aid_round r on r.id = a.round_id join pupil p on p.id = a.pupil_id ";

    private final JdbcClient jdbc;

    AidStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    // rounds

    long insertRound(String caseNumber, Programme programme, String semester, String schoolCode, String countyCode,
                     String townshipCode, String callText, String openedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into aid_round (case_number, programme, semester, school_code, county_code, township_code, status,
                                       call_text, opened_by) values (?,?,?,?,?,?, 'OPEN', ?, ?)""")
                .params(caseNumber, programme.name(), semester, schoolCode, countyCode, townshipCode, callText, openedBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<AidRound> round(String caseNumber) {
        return jdbc.sql("select " + ROUND_COLUMNS + ROUND_FROM + "where r.case_number = ?").param(caseNumber)
                .query(AidStore::round).optional();
    }

    Optional<AidRound> round(long id) {
        return jdbc.sql("select " + ROUND_COLUMNS + ROUND_FROM + "where r.id = ?").param(id).query(AidStore::round).optional();
    }

    List<AidRound> rounds(Jurisdiction jurisdiction, int limit) {
        return jdbc.sql("select " + ROUND_COLUMNS + ROUND_FROM + "where " + jurisdiction.sql("r")
                        + " order by r.opened_at desc, r.id desc limit " + limit)
                .params(jurisdiction.args()).query(AidStore::round).list();
    }

    void roundStatus(long roundId, String status) {
        jdbc.sql("update aid_round set status = ? where id = ?").params(status, roundId).update();
    }

    void roundProcess(long roundId, String processInstanceId) {
        jdbc.sql("update aid_round set process_instance_id = ? where id = ?").params(processInstanceId, roundId).update();
    }

    void update(String sql, Object... args) {
        jdbc.sql(sql).params(args).update();
    }

    // applications

    long insertApplication(String caseNumber, AidRound round, long pupilId, String className, String stage,
                           boolean boarding, String villageCode, String categories, String evidence,
                           String cardAccount, String createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into aid_application (case_number, round_id, pupil_id, programme, semester, school_code, county_code,
                       township_code, village_code, class_name, stage, boarding, categories, evidence, card_account, status,
                       created_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, 'CLASS_EVALUATION', ?)""")
                .params(caseNumber, round.id(), pupilId, round.programme().name(), round.semester(), round.schoolCode(),
                        round.countyCode(), round.townshipCode(), villageCode, className, stage, boarding, categories,
                        evidence, cardAccount, createdBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    int countApplications(long roundId) {
        return jdbc.sql("select count(*) from aid_application where round_id = ?").param(roundId).query(Integer.class).single();
    }

    boolean pupilInRound(long roundId, long pupilId) {
        return jdbc.sql("select count(*) from aid_application where round_id = ? and pupil_id = ?").params(roundId, pupilId)
                .query(Integer.class).single() > 0;
    }

    Optional<AidApplication> application(String caseNumber) {
        return jdbc.sql("select " + APP_COLUMNS + APP_FROM + "where a.case_number = ?").param(caseNumber)
                .query(AidStore::application).optional();
    }

    Optional<AidApplication> application(long id) {
        return jdbc.sql("select " + APP_COLUMNS + APP_FROM + "where a.id = ?").param(id).query(AidStore::application).optional();
    }

    List<AidApplication> applications(long roundId) {
        return jdbc.sql("select " + APP_COLUMNS + APP_FROM + "where a.round_id = ? order by a.class_name, a.class_rank, a.id")
                .param(roundId).query(AidStore::application).list();
    }

    List<AidApplication> applicationsOfPupil(long pupilId) {
        return jdbc.sql("select " + APP_COLUMNS + APP_FROM + "where a.pupil_id = ? order by a.id desc").param(pupilId)
                .query(AidStore::application).list();
    }

    List<AidApplication> applicationsOfBatch(long batchId) {
        return jdbc.sql("select " + APP_COLUMNS + APP_FROM + "where a.payment_batch_id = ? order by a.school_code, a.id")
                .param(batchId).query(AidStore::application).list();
    }

    void applicationStatus(long id, String status) {
        jdbc.sql("update aid_application set status = ? where id = ?").params(status, id).update();
    }

    int countInStates(long roundId, List<String> states) {
        return jdbc.sql("select count(*) from aid_application where round_id = ? and status in (:states)".replace(":states",
                        String.join(",", states.stream().map(s -> "'" + s + "'").toList())))
                .param(roundId).query(Integer.class).single();
    }

    /** Boarders identified (tier above 0, still on the list) in the round, leaving one application out. */
    int identifiedBoarders(long roundId, long exceptApplicationId) {
        return jdbc.sql("""
                select count(*) from aid_application where round_id = ? and id <> ? and boarding = true and tier > 0
                and status not in ('NOT_RECOMMENDED', 'REJECTED', 'REMOVED')""")
                .params(roundId, exceptApplicationId).query(Integer.class).single();
    }

    int enrolledBoarders(String schoolCode) {
        return jdbc.sql("select count(*) from pupil where school_code = ? and boarding = true and status = 'ENROLLED'")
                .param(schoolCode).query(Integer.class).single();
    }

    // objections

    long insertObjection(AidRound round, Long applicationId, String raisedBy, String content, String recordedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into aid_objection (round_id, application_id, school_code, county_code, township_code, raised_by,
                                           content, recorded_by) values (?,?,?,?,?,?,?,?)""")
                .params(round.id(), applicationId, round.schoolCode(), round.countyCode(), round.townshipCode(), raisedBy,
                        content, recordedBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    record Objection(long id, long roundId, Long applicationId, String raisedBy, String content, String recordedBy,
                     java.time.LocalDateTime recordedAt, String taskId, String outcome, Integer newTier, String answer,
                     String answeredBy) {
    }

    private static Objection objection(ResultSet rs, int n) throws SQLException {
        long app = rs.getLong("application_id");
        Long appId = rs.wasNull() ? null : app;
        int t = rs.getInt("new_tier");
        Integer tier = rs.wasNull() ? null : t;
        return new Objection(rs.getLong("id"), rs.getLong("round_id"), appId, rs.getString("raised_by"),
                rs.getString("content"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toLocalDateTime(),
                rs.getString("task_id"), rs.getString("outcome"), tier, rs.getString("answer"), rs.getString("answered_by"));
    }

    Optional<Objection> objection(long id) {
        return jdbc.sql("select * from aid_objection where id = ?").param(id).query(AidStore::objection).optional();
    }

    Optional<Objection> objectionOfTask(String taskId) {
        return jdbc.sql("select * from aid_objection where task_id = ?").param(taskId).query(AidStore::objection).optional();
    }

    List<Objection> objections(long roundId) {
        return jdbc.sql("select * from aid_objection where round_id = ? order by id").param(roundId).query(AidStore::objection).list();
    }

    // payment batches


    private static PaymentBatch batch(ResultSet rs, int n) throws SQLException {
        Timestamp exported = rs.getTimestamp("exported_at");
        java.sql.Date paid = rs.getDate("paid_on");
        return new PaymentBatch(rs.getLong("id"), rs.getString("batch_number"), rs.getString("county_code"), rs.getString("status"),
                rs.getBigDecimal("total_amount"), rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime(),
                exported == null ? null : exported.toLocalDateTime(), paid == null ? null : paid.toLocalDate());
    }

    long insertBatch(String batchNumber, String countyCode, String createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into aid_payment_batch (batch_number, county_code, status, created_by) values (?,?, 'CREATED', ?)")
                .params(batchNumber, countyCode, createdBy).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<PaymentBatch> batch(String batchNumber) {
        return jdbc.sql("select * from aid_payment_batch where batch_number = ?").param(batchNumber).query(AidStore::batch).optional();
    }

    List<PaymentBatch> batches(Jurisdiction jurisdiction) {
        return jdbc.sql("select * from aid_payment_batch b where " + jurisdiction.sql("b") + " order by id desc limit 200")
                .params(jurisdiction.args()).query(AidStore::batch).list();
    }

    // mapping

    static AidRound round(ResultSet rs, int n) throws SQLException {
        long batch = rs.getLong("payment_batch_id");
        Long batchId = rs.wasNull() ? null : batch;
        java.sql.Date started = rs.getDate("notice_started_on");
        java.sql.Date ends = rs.getDate("notice_ends_on");
        return new AidRound(rs.getLong("id"), rs.getString("case_number"), Programme.valueOf(rs.getString("programme")),
                rs.getString("semester"), rs.getString("school_code"), rs.getString("school_name"),
                rs.getString("county_code"), rs.getString("township_code"), rs.getString("status"),
                rs.getString("call_text"), rs.getString("opened_by"), rs.getTimestamp("opened_at").toLocalDateTime(),
                started == null ? null : started.toLocalDate(), ends == null ? null : ends.toLocalDate(),
                rs.getInt("notice_restarts"), rs.getString("notice_place"), batchId, rs.getString("process_instance_id"));
    }

    static AidApplication application(ResultSet rs, int n) throws SQLException {
        return new AidApplication(rs.getLong("id"), rs.getString("case_number"), rs.getLong("round_id"),
                rs.getString("round_case_number"), rs.getLong("pupil_id"), rs.getString("pupil_name"),
                rs.getString("pupil_id_number"), Programme.valueOf(rs.getString("programme")), rs.getString("semester"),
                rs.getString("school_code"), rs.getString("county_code"), rs.getString("township_code"),
                rs.getString("village_code"), rs.getString("class_name"), rs.getString("stage"), rs.getBoolean("boarding"),
                rs.getString("categories"), rs.getString("evidence"), rs.getString("card_account"), rs.getString("status"),
                integer(rs, "class_rank"), bool(rs, "class_recommended"), rs.getString("class_opinion"),
                integer(rs, "suggested_tier"), integer(rs, "tier"), rs.getString("override_reason"),
                rs.getBigDecimal("yearly_amount"), rs.getBigDecimal("semester_amount"), rs.getString("sent_back_reason"),
                rs.getString("review_flag"), longOrNull(rs, "payment_batch_id"),
                rs.getDate("paid_on") == null ? null : rs.getDate("paid_on").toLocalDate(),
                rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("process_instance_id"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }
}
