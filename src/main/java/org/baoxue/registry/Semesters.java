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
}
