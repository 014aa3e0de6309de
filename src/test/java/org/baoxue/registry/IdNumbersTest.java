package org.baoxue.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

    // 11010519491231002X is the example number printed in GB 11643-1999, appendix A
    @Test
    void acceptsTheStandardsExampleAndItsCheckCharacterX() {
        assertThat(IdNumbers.problem("11010519491231002X")).isEmpty();
        assertThat(IdNumbers.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
        assertThat(IdNumbers.gender("11010519491231002X")).isEqualTo("F");
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(IdNumbers.problem("110105194912310021")).contains("registry.id.checksum");
        assertThat(IdNumbers.problem("11010519490231002X".substring(0, 17) + IdNumbers.checkDigit("11010519490231002")))
                .contains("registry.id.birthDate");
        assertThat(IdNumbers.problem("0101051949123100" + "2X")).contains("registry.id.region");
        String noProvince = "99010519491231002";
        assertThat(IdNumbers.problem(noProvince + IdNumbers.checkDigit(noProvince))).contains("registry.id.region");
        assertThat(IdNumbers.problem("1101051949123100")).contains("registry.id.format");
        assertThat(IdNumbers.problem("11010519491231002x")).contains("registry.id.format");
        assertThat(IdNumbers.problem(null)).contains("registry.id.format");
    }

    @Test
    void masksAllButRegionAndLastFour() {
        assertThat(IdNumbers.mask("370923201503011234")).isEqualTo("370923********1234");
    }

    @Test
    void masksTheIdNumberInsideANationalStudentNumber() {
        String id = TestFiles.idNumber();
        Pupil p = new Pupil(1, "G" + id, "张三", id, "M", null, "s", "s", "c", "t", "v", 3, "3年级1班", false, "ENROLLED", null, java.util.Set.of());
        assertThat(p.maskedStudentNumber()).isEqualTo("G" + IdNumbers.mask(id)).doesNotContain(id.substring(6, 14));
    }

    @Test
    void semestersFollowTheSchoolYear() {
        assertThat(Semesters.previous("2026-2")).isEqualTo("2026-1");
        assertThat(Semesters.previous("2026-1")).isEqualTo("2025-2");
        assertThat(Semesters.startsSchoolYear("2026-2")).isTrue();
        assertThat(Semesters.current(LocalDate.of(2027, 1, 10))).isEqualTo("2026-2");
    }
}
