package org.baoxue.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baoxue.org.BaoxueUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The registry's face to the case modules: find a pupil, their household's hardships and guardians.
 * {@link #find} does not check jurisdiction (a case module has its own); {@link #findVisible} does.
 */
@Service
public class Pupils {

    static final String COLUMNS = """
            p.id, p.student_number, p.name, p.id_number, p.gender, p.birth_date, p.school_code, s.name as school_name,
            p.county_code, p.township_code, p.village_code, p.grade, p.class_name, p.boarding, p.status, p.household_id
            """;

    private final JdbcClient jdbc;

    Pupils(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Pupil> find(long id) {
        return one("p.id = ?", id);
    }

    public Optional<Pupil> findByStudentNumber(String studentNumber) {
        return one("p.student_number = ?", studentNumber);
    }

    /** The pupil, if the user's jurisdiction covers them; otherwise empty, as if there were none. */
    public Optional<Pupil> findVisible(long id, BaoxueUser user) {
        return find(id).filter(p -> user.jurisdiction().covers(p.countyCode(), p.townshipCode(), p.villageCode(), p.schoolCode()));
    }

    public List<Guardian> guardians(long pupilId) {
        return jdbc.sql("select id, pupil_id, name, relation, phone, id_number from guardian where pupil_id = ? order by id")
                .param(pupilId)
                .query((rs, n) -> new Guardian(rs.getLong("id"), rs.getLong("pupil_id"), rs.getString("name"),
                        rs.getString("relation"), rs.getString("phone"), rs.getString("id_number")))
                .list();
    }

    public Set<Hardship> hardships(Long householdId) {
        Set<Hardship> set = EnumSet.noneOf(Hardship.class);
        if (householdId != null) {
            jdbc.sql("select category from household_hardship where household_id = ? and until is null")
                    .param(householdId).query(String.class).list()
                    .forEach(c -> set.add(Hardship.valueOf(c)));
        }
        return set;
    }

    private Optional<Pupil> one(String where, Object arg) {
        return jdbc.sql("select " + COLUMNS + " from pupil p join org_unit s on s.code = p.school_code where " + where)
                .param(arg).query(this::row).optional();
    }

    Pupil row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        Pupil p = withoutHardships(rs);
        return p.householdId() == null ? p : new Pupil(p.id(), p.studentNumber(), p.name(), p.idNumber(), p.gender(),
                p.birthDate(), p.schoolCode(), p.schoolName(), p.countyCode(), p.townshipCode(), p.villageCode(), p.grade(),
                p.className(), p.boarding(), p.status(), p.householdId(), hardships(p.householdId()));
    }

    /** A pupil row of {@link #COLUMNS} without the household's hardships, for readers that fetch those in bulk. */
    static Pupil withoutHardships(java.sql.ResultSet rs) throws java.sql.SQLException {
        long householdId = rs.getLong("household_id");
        Long household = rs.wasNull() ? null : householdId;
        java.sql.Date birth = rs.getDate("birth_date");
        int grade = rs.getInt("grade");
        Integer gradeOrNull = rs.wasNull() ? null : grade;
        return new Pupil(rs.getLong("id"), rs.getString("student_number"), rs.getString("name"), rs.getString("id_number"),
                rs.getString("gender"), birth == null ? null : birth.toLocalDate(), rs.getString("school_code"),
                rs.getString("school_name"), rs.getString("county_code"), rs.getString("township_code"),
                rs.getString("village_code"), gradeOrNull, rs.getString("class_name"), rs.getBoolean("boarding"),
                rs.getString("status"), household, Set.of());
    }
}
