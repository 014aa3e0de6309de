package org.baoxue.dropout;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.baoxue.registry.ChineseText;

/** Reads an absence list: a header row naming 学籍号 and 缺课天数 (请假事由 optional), then one pupil a row. */
final class AbsenceCsv {

    static final int MAX_ROWS = 5_000;
    private static final Map<String, String> HEADERS = Map.of("学籍号", "number", "studentNumber", "number",
            "缺课天数", "days", "absentDays", "days", "请假事由", "excuse", "excuse", "excuse");

    /** A file this reader refuses as a whole; the message is a key of {@code i18n/dropout}. */
    static final class Refused extends Exception {
        Refused(String messageKey) {
            super(messageKey, null, false, false);
        }
    }

    private AbsenceCsv() {
    }

    static List<DropoutCases.AbsenceRow> read(byte[] bytes) throws Refused, IOException {
        if (bytes.length == 0 || bytes.length > 2_000_000) {
            throw new Refused("dropout.absences.size");
        }
        String text = ChineseText.decode(bytes);
        List<DropoutCases.AbsenceRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            Map<String, String> columns = new java.util.HashMap<>();
            parser.getHeaderNames().forEach(h -> {
                String known = HEADERS.get(h.strip());
                if (known != null) {
                    columns.put(known, h);
                }
            });
            if (!columns.containsKey("number") || !columns.containsKey("days")) {
                throw new Refused("dropout.absences.columns");
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw new Refused("dropout.absences.rows");
                }
                String number = record.get(columns.get("number"));
                int days;
                try {
                    days = Integer.parseInt(record.get(columns.get("days")));
                } catch (NumberFormatException e) {
                    throw new Refused("dropout.absences.days");
                }
                String excuse = columns.containsKey("excuse") ? record.get(columns.get("excuse")) : null;
                rows.add(new DropoutCases.AbsenceRow(number, days, excuse));
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new Refused("dropout.absences.unreadable");
        }
        return rows;
    }
}
