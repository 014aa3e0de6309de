package org.baoxue.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.baoxue.BaoxueTest;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BaoxueTest
class PupilImportTest {

    static final String LAOHU_PRIMARY = "3137001001"; // 东平县 老湖镇
    static final String YINSHAN_PRIMARY = "3137001003"; // 东平县 银山镇
    static final String NINGYANG_PRIMARY = "3137002001"; // 宁阳县
    static final String VILLAGE = "370923101201";

    @Autowired PupilImport importer;
    @Autowired Pupils pupils;
    @Autowired OrgDirectory org;
    @Autowired JdbcClient jdbc;

    BaoxueUser user(String name) {
        return org.user(name).orElseThrow();
    }

    PupilImport.Preview check(byte[] file, String user) {
        return importer.validate(file, "test", user(user), n -> { });
    }

    PupilImport.Result importAll(byte[] file, String user) {
        return importer.apply(check(file, user), PupilImport.Mode.ALL_OR_NOTHING, user(user), n -> { });
    }

    static String[] validRow(String school, String hardships) {
        String id = TestFiles.idNumber();
        return TestFiles.row(TestFiles.studentNumber(id), "测试学生", id, school, "3", VILLAGE, hardships);
    }

    @Test
    void importsAnXlsxRosterWithHouseholdGuardianHardshipsAndEnrolment() {
        String[] row = validRow(LAOHU_PRIMARY, "建档立卡、留守儿童");
        PupilImport.Result result = importAll(TestFiles.xlsx(TestFiles.HEADER, List.<String[]>of(row)), "schoolaid");

        assertThat(result.inserted()).isEqualTo(1);
        Pupil p = pupils.findByStudentNumber(row[0]).orElseThrow();
        assertThat(p.name()).isEqualTo("测试学生");
        assertThat(p.idNumber()).isEqualTo(row[2]);
        assertThat(p.birthDate()).isEqualTo(IdNumbers.birthDate(row[2]).orElseThrow());
        assertThat(p.schoolCode()).isEqualTo(LAOHU_PRIMARY);
        assertThat(p.countyCode()).isEqualTo("370923");
        assertThat(p.townshipCode()).isEqualTo("370923101");
        assertThat(p.villageCode()).isEqualTo(VILLAGE);
        assertThat(p.grade()).isEqualTo(3);
        assertThat(p.hardships()).containsExactlyInAnyOrder(Hardship.POVERTY_REGISTERED, Hardship.LEFT_BEHIND);
        assertThat(pupils.guardians(p.id())).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("王建国");
            assertThat(g.relation()).isEqualTo("FATHER");
            assertThat(g.phone()).isEqualTo("13812345678");
        });
        assertThat(jdbc.sql("select count(*) from enrolment where pupil_id = ? and semester = ? and school_code = ?")
                .params(p.id(), Semesters.current(LocalDate.now()), LAOHU_PRIMARY).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void importsAGbkCsvWithEnglishHeaders() {
        String[] header = {"student number", "name", "ID number", "school code", "grade", "hardship"};
        String id = TestFiles.idNumber();
        String[] row = {TestFiles.studentNumber(id), "欧阳晓燕", id, LAOHU_PRIMARY, "五年级", "低保,残疾"};
        PupilImport.Result result = importAll(TestFiles.csv(Charset.forName("GBK"), header, List.<String[]>of(row)), "leader");

        assertThat(result.inserted()).isEqualTo(1);
        Pupil p = pupils.findByStudentNumber(row[0]).orElseThrow();
        assertThat(p.name()).isEqualTo("欧阳晓燕");
        assertThat(p.grade()).isEqualTo(5);
        assertThat(p.hardships()).containsExactlyInAnyOrder(Hardship.SUBSISTENCE, Hardship.DISABILITY);
    }

    @Test
    void reportsEveryKindOfBadRowWithItsReason() {
        String[] header = Arrays.copyOf(TestFiles.HEADER, TestFiles.HEADER.length + 1);
        header[header.length - 1] = "出生日期";
        List<String[]> rows = new ArrayList<>();
        String[] good = withBirth(validRow(LAOHU_PRIMARY, ""), null);
        rows.add(good);                                                        // line 2: fine
        String[] checksum = withBirth(validRow(LAOHU_PRIMARY, ""), null);
        char last = checksum[2].charAt(17);
        checksum[2] = checksum[2].substring(0, 17) + (last == '1' ? '2' : '1');
        rows.add(checksum);                                                    // 3
        String[] birth = withBirth(validRow(LAOHU_PRIMARY, ""), "2014-01-01");
        rows.add(birth);                                                       // 4
        String[] unknownSchool = withBirth(validRow("3137009999", ""), null);
        rows.add(unknownSchool);                                               // 5
        String[] outside = withBirth(validRow(YINSHAN_PRIMARY, ""), null);
        rows.add(outside);                                                     // 6
        String[] duplicate = good.clone();
        rows.add(duplicate);                                                   // 7
        String[] several = withBirth(validRow(LAOHU_PRIMARY, "低保、富裕"), null);
        several[4] = "13";
        several[6] = "也许";
        several[7] = "370923999999";
        several[10] = "12345";
        rows.add(several);                                                     // 8
        String[] missing = withBirth(validRow(LAOHU_PRIMARY, ""), null);
        missing[1] = "";
        rows.add(missing);                                                     // 9

        PupilImport.Preview preview = check(TestFiles.xlsx(header, rows), "teacher");
        Map<Integer, List<String>> problems = preview.rows().stream().collect(Collectors.toMap(ImportRow::line,
                r -> r.problems().stream().map(ImportRow.Problem::messageKey).toList()));

        assertThat(problems.get(2)).isEmpty();
        assertThat(problems.get(3)).containsExactly("registry.id.checksum");
        assertThat(problems.get(4)).containsExactly("registry.import.row.birthDateMismatch");
        assertThat(problems.get(5)).containsExactly("registry.import.row.unknownSchool");
        assertThat(problems.get(6)).containsExactly("registry.import.row.schoolOutside");
        assertThat(problems.get(7)).containsExactlyInAnyOrder("registry.import.row.duplicateStudentNumber", "registry.import.row.duplicateIdNumber");
        assertThat(problems.get(8)).containsExactlyInAnyOrder("registry.import.row.grade", "registry.import.row.boarding",
                "registry.import.row.unknownVillage", "registry.import.row.phone", "registry.import.row.hardship");
        assertThat(problems.get(9)).containsExactly("registry.import.row.required");
        assertThat(preview.valid()).isEqualTo(1);
        assertThat(preview.invalid()).isEqualTo(7);
    }

    private static String[] withBirth(String[] row, String birth) {
        String[] r = Arrays.copyOf(row, row.length + 1);
        r[r.length - 1] = birth == null ? IdNumbers.birthDate(row[2]).orElseThrow().toString() : birth;
        return r;
    }

    @Test
    void refusesAFileWithoutARequiredColumn() {
        String[] header = {"学籍号", "姓名", "学校代码"};
        assertThatThrownBy(() -> check(TestFiles.csv(StandardCharsets.UTF_8, header, List.<String[]>of(new String[] {"G1", "张三", LAOHU_PRIMARY})), "teacher"))
                .isInstanceOfSatisfying(ImportRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("registry.import.refused.missingColumns");
                    assertThat(e.args()).containsExactly("身份证号");
                });
    }

    @Test
    void allOrNothingWritesNothingWhenARowIsBadAndValidOnlyWritesTheRest() {
        String[] good = validRow(LAOHU_PRIMARY, "");
        String[] bad = validRow("3137009999", "");
        byte[] file = TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.of(good, bad));
        PupilImport.Preview preview = check(file, "teacher");
        int imports = jdbc.sql("select count(*) from registry_import").query(Integer.class).single();

        assertThatThrownBy(() -> importer.apply(preview, PupilImport.Mode.ALL_OR_NOTHING, user("teacher"), n -> { }))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo("registry.import.refused.hasErrors"));
        assertThat(pupils.findByStudentNumber(good[0])).isEmpty();
        assertThat(jdbc.sql("select count(*) from registry_import").query(Integer.class).single()).isEqualTo(imports);

        PupilImport.Result result = importer.apply(preview, PupilImport.Mode.VALID_ONLY, user("teacher"), n -> { });
        assertThat(result.inserted()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(pupils.findByStudentNumber(good[0])).isPresent();
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        List<String[]> rows = List.of(validRow(LAOHU_PRIMARY, "低保"), validRow(LAOHU_PRIMARY, ""));
        byte[] file = TestFiles.xlsx(TestFiles.HEADER, rows);
        importAll(file, "teacher");
        Pupil before = pupils.findByStudentNumber(rows.get(0)[0]).orElseThrow();
        Object updatedAt = updatedAt(before.id());
        int changes = jdbc.sql("select count(*) from pupil_change").query(Integer.class).single();
        int guardians = jdbc.sql("select count(*) from guardian").query(Integer.class).single();

        PupilImport.Result again = importAll(file, "teacher");

        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(pupils.findByStudentNumber(rows.get(0)[0]).orElseThrow()).isEqualTo(before);
        assertThat(updatedAt(before.id())).isEqualTo(updatedAt);
        assertThat(jdbc.sql("select count(*) from pupil_change").query(Integer.class).single()).isEqualTo(changes);
        assertThat(jdbc.sql("select count(*) from guardian").query(Integer.class).single()).isEqualTo(guardians);
    }

    @Test
    void anUpdatedFileUpdatesByStudentNumberAndRecordsWhatChanged() {
        String[] row = validRow(LAOHU_PRIMARY, "低保");
        importAll(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(row)), "countyedu");
        Pupil before = pupils.findByStudentNumber(row[0]).orElseThrow();

        String[] changed = row.clone();
        changed[4] = "4";
        changed[10] = "13900001111";
        changed[11] = "低保、孤儿";
        PupilImport.Result result = importAll(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(changed)), "countyedu");

        assertThat(result.updated()).isEqualTo(1);
        Pupil after = pupils.findByStudentNumber(row[0]).orElseThrow();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.grade()).isEqualTo(4);
        assertThat(after.hardships()).containsExactlyInAnyOrder(Hardship.SUBSISTENCE, Hardship.ORPHAN);
        assertThat(pupils.guardians(after.id())).singleElement().extracting(Guardian::phone).isEqualTo("13900001111");
        List<Map<String, Object>> changes = jdbc.sql("select field, old_text, new_text, username from pupil_change where pupil_id = ? order by field")
                .param(after.id()).query().listOfRows();
        assertThat(changes).extracting(m -> m.get("FIELD") != null ? m.get("FIELD") : m.get("field"))
                .containsExactly("grade", "guardian_phone", "hardships");
        assertThat(changes.toString()).contains("3", "4", "138****5678", "139****1111", "SUBSISTENCE", "ORPHAN", "countyedu")
                .doesNotContain("13900001111");
    }

    @Test
    void aSchoolCannotImportIntoAnotherSchoolAndTheCountyCan() {
        String[] other = validRow(YINSHAN_PRIMARY, "");
        assertThat(check(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(other)), "teacher")
                .rows().get(0).problems()).extracting(ImportRow.Problem::messageKey).containsExactly("registry.import.row.schoolOutside");
        assertThat(check(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(other)), "countyedu").invalid()).isZero();
        String[] ningyang = validRow(NINGYANG_PRIMARY, "");
        assertThat(check(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(ningyang)), "countyaid")
                .rows().get(0).problems()).extracting(ImportRow.Problem::messageKey).containsExactly("registry.import.row.schoolOutside");
    }

    @Test
    void aSchoolCannotOverwriteAPupilRegisteredElsewhere() {
        String[] row = validRow(YINSHAN_PRIMARY, "");
        importAll(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(row)), "teacher3");
        String[] moved = row.clone();
        moved[3] = LAOHU_PRIMARY;
        assertThat(check(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(moved)), "teacher")
                .rows().get(0).problems()).extracting(ImportRow.Problem::messageKey).containsExactly("registry.import.row.pupilOutside");
        // the same ID number under another student number
        String[] twin = row.clone();
        twin[0] = "X" + row[0].substring(1);
        assertThat(check(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(twin)), "teacher3")
                .rows().get(0).problems()).extracting(ImportRow.Problem::messageKey).containsExactly("registry.import.row.idNumberTaken");
    }

    @Test
    void onlySchoolStaffAndCountyOfficersMayImport() {
        assertThat(PupilImport.mayImport(user("teacher"))).isTrue();
        assertThat(PupilImport.mayImport(user("countyaid"))).isTrue();
        assertThat(PupilImport.mayImport(user("supervisor"))).isFalse();
        assertThat(PupilImport.mayImport(user("cadre"))).isFalse();
        assertThat(PupilImport.mayImport(user("township"))).isFalse();
        PupilImport.Preview preview = check(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(validRow(LAOHU_PRIMARY, ""))), "teacher");
        assertThatThrownBy(() -> importer.apply(preview, PupilImport.Mode.ALL_OR_NOTHING, user("supervisor"), n -> { }))
                .isInstanceOf(ImportRefused.class);
    }

    private Object updatedAt(long id) {
        return jdbc.sql("select updated_at from pupil where id = ?").param(id).query(java.sql.Timestamp.class).single();
    }
}
