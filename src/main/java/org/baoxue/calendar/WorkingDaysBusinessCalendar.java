package org.baoxue.calendar;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's due dates and timer durations, with working days: a model writes {@code "5 working days"} (or
 * {@code "P5WD"}) in a due date or a timer duration, typically from a DMN result such as
 * {@code ${deadline} working days}; anything else goes to Camunda's own calendar unchanged.
 */
class WorkingDaysBusinessCalendar implements BusinessCalendar {

    private static final Pattern WORKING_DAYS = Pattern.compile(
            "^\\s*(?:P(\\d+)WD|(\\d+)\\s*(?:working\\s*days?|workdays?|个?工作日))\\s*$", Pattern.CASE_INSENSITIVE);

    private final WorkingCalendar calendar;
    private final BusinessCalendar standard;
    private final ZoneId zone;

    WorkingDaysBusinessCalendar(WorkingCalendar calendar, BusinessCalendar standard, ZoneId zone) {
        this.calendar = calendar;
        this.standard = standard;
        this.zone = zone;
    }

    static Integer workingDays(String description) {
        Matcher m = description == null ? null : WORKING_DAYS.matcher(description);
        if (m == null || !m.matches()) {
            return null;
        }
        return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        Integer days = workingDays(description);
        return days == null ? standard.resolveDuedate(description, task) : plus(ClockUtil.getCurrentTime(), days);
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        Integer days = workingDays(description);
        if (days == null) {
            return standard.resolveDuedate(description, startDate);
        }
        return plus(startDate != null ? startDate : ClockUtil.getCurrentTime(), days);
    }

    private Date plus(Date start, int days) {
        LocalDateTime from = LocalDateTime.ofInstant(start.toInstant(), zone);
        return Date.from(calendar.plusWorkingDays(from, days).atZone(zone).toInstant());
    }
}
