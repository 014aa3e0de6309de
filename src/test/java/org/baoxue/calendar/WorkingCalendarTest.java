package org.baoxue.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaoxueTest
class WorkingCalendarTest {

    @Autowired WorkingCalendar calendar;

    @Test
    void theSpringFestivalOf2026IsNotWorkedAndItsMakeUpSaturdayIs() {
        // 2026 Spring Festival: 15-23 February off, Saturday 14 and Saturday 28 February worked (State Council notice of 2025-11-04)
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
    }

    @Test
    void fiveWorkingDaysSpanTheNationalDayHolidayAndCountTheMakeUpDay() {
        // 2026: Mid-Autumn 25-27 September and National Day 1-7 October off; Sunday 20 September and Saturday 10 October worked
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
    }

    @Test
    void aYearWithoutAScheduleFallsBackToWeekendsAndIsReportedMissing() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue(); // a Wednesday: no schedule, so worked
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 4))).isFalse(); // Saturday
        assertThat(calendar.missingYears(LocalDate.of(2030, 12, 1))).containsExactly(2030, 2031);
        assertThat(calendar.missingYears(LocalDate.of(2026, 3, 1))).containsExactly(2027);
    }

    @Test
    void camundasDueDatesCountWorkingDays() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        var businessCalendar = new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar(), zone);
        Date start = Date.from(LocalDateTime.of(2026, 9, 30, 9, 0).atZone(zone).toInstant());
        Date due = businessCalendar.resolveDuedate("3 working days", start);
        assertThat(LocalDateTime.ofInstant(due.toInstant(), zone)).isEqualTo(LocalDateTime.of(2026, 10, 10, 9, 0));
        assertThat(businessCalendar.resolveDuedate("P3WD", start)).isEqualTo(due);
        assertThat(WorkingDaysBusinessCalendar.workingDays("5 个工作日")).isEqualTo(5);
        assertThat(WorkingDaysBusinessCalendar.workingDays("P5D")).isNull();
    }
}
