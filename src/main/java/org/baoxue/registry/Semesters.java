package org.baoxue.registry;

import java.time.LocalDate;

/** Semesters as {@code YYYY-1} (spring, February to July) and {@code YYYY-2} (autumn, August to January). */
public final class Semesters {

    private Semesters() {
    }

    public static String current(LocalDate day) {
        int month = day.getMonthValue();
        if (month == 1) {
            return (day.getYear() - 1) + "-2";
        }
        return day.getYear() + (month >= 8 ? "-2" : "-1");
    }

    /** The semester before {@code semester}: {@code 2026-2} → {@code 2026-1}, {@code 2026-1} → {@code 2025-2}. */
    public static String previous(String semester) {
        int year = Integer.parseInt(semester.substring(0, 4));
        return semester.endsWith("-2") ? year + "-1" : (year - 1) + "-2";
    }

    /** Whether pupils move up a grade at the start of the semester (the autumn one, when a school year begins). */
    public static boolean startsSchoolYear(String semester) {
        return semester.endsWith("-2");
    }
}
