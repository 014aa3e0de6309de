package org.baoxue.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * China's working days: Monday to Friday, less the statutory holidays, plus the make-up working days
 * (调休上班) of each year's State Council schedule. A year whose schedule is not entered yet falls back to
 * weekends only, and {@link #missingYears} says so, so that an administrator can enter it.
 */
@Service
public class WorkingCalendar {

    public enum Kind { HOLIDAY, WORKDAY }

    public record Day(LocalDate date, Kind kind, String name) {
    }

    private final JdbcClient jdbc;
    private final AtomicReference<Map<LocalDate, Day>> days = new AtomicReference<>();

    WorkingCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate date) {
        Day special = days().get(date);
        if (special != null) {
            return special.kind() == Kind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The date {@code n} working days after {@code from}: the day itself does not count, so a task given on a
     * Friday before a holiday with one working day is due on the first working day after it.
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        LocalDate date = from;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Same as {@link #plusWorkingDays(LocalDate, int)}, keeping the time of day. */
    public LocalDateTime plusWorkingDays(LocalDateTime from, int n) {
        return plusWorkingDays(from.toLocalDate(), n).atTime(from.toLocalTime());
    }

    /** Working days strictly after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    public List<Day> specialDays(int year) {
        return days().values().stream().filter(d -> d.date().getYear() == year).toList();
    }

    /** This year and the next, when their schedule has not been entered: the calendar then knows weekends only. */
    public List<Integer> missingYears(LocalDate today) {
        int year = today.getYear();
        return List.of(year, year + 1).stream()
                .filter(y -> days().values().stream().noneMatch(d -> d.date().getYear() == y))
                .toList();
    }

    @Transactional
    public void save(Day day) {
        jdbc.sql("delete from calendar_day where cal_date = ?").param(day.date()).update();
        jdbc.sql("insert into calendar_day (cal_date, kind, name) values (?,?,?)")
                .params(day.date(), day.kind().name().toLowerCase(), day.name()).update();
        days.set(null);
    }

    @Transactional
    public void remove(LocalDate date) {
        jdbc.sql("delete from calendar_day where cal_date = ?").param(date).update();
        days.set(null);
    }

    /** Adds the days of a schedule that are not there yet; a day an administrator entered by hand wins. */
    @Transactional
    public int addMissing(List<Day> schedule) {
        int added = 0;
        for (Day day : schedule) {
            if (!days().containsKey(day.date())) {
                jdbc.sql("insert into calendar_day (cal_date, kind, name) values (?,?,?)")
                        .params(day.date(), day.kind().name().toLowerCase(), day.name()).update();
                added++;
            }
        }
        days.set(null);
        return added;
    }

    boolean knowsYear(Year year) {
        return days().values().stream().anyMatch(d -> d.date().getYear() == year.getValue());
    }

    private Map<LocalDate, Day> days() {
        Map<LocalDate, Day> loaded = days.get();
        if (loaded == null) {
            Map<LocalDate, Day> fresh = new TreeMap<>();
            jdbc.sql("select cal_date, kind, name from calendar_day").query(rs -> {
                LocalDate date = rs.getDate("cal_date").toLocalDate();
                fresh.put(date, new Day(date, Kind.valueOf(rs.getString("kind").toUpperCase()), rs.getString("name")));
            });
            loaded = java.util.Collections.unmodifiableMap(fresh);
            days.set(loaded);
        }
        return loaded;
    }
}
