package org.baoxue.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the shipped holiday schedule (calendar/cn-statutory-holidays.csv: the State Council General Office's
 * annual notices, 国办发明电〔2024〕12号 for 2025 and the notice of 2025-11-04 for 2026) into the calendar.
 */
@Component
class StatutorySchedule {

    private static final Logger log = LoggerFactory.getLogger(StatutorySchedule.class);
    static final String FILE = "calendar/cn-statutory-holidays.csv";

    private final WorkingCalendar calendar;

    StatutorySchedule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void load() throws IOException {
        int added = calendar.addMissing(read());
        if (added > 0) {
            log.info("Added {} statutory holidays and make-up working days to the calendar", added);
        }
    }

    static List<WorkingCalendar.Day> read() throws IOException {
        List<WorkingCalendar.Day> days = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                days.add(new WorkingCalendar.Day(LocalDate.parse(row.get("date")),
                        WorkingCalendar.Kind.valueOf(row.get("kind").toUpperCase()), row.get("name")));
            }
        }
        return days;
    }
}
