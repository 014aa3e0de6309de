package org.baoxue.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The pupils of a user's jurisdiction as an .xlsx with the import's own columns, so an exported list can be edited
 * and imported again. ID numbers and phones are in full only where {@link PupilAccess} allows it. Every text that
 * a spreadsheet could take for a formula (starting with {@code = + - @}, a tab or a carriage return) is written
 * with a leading apostrophe, as OWASP's "CSV injection" advice says, and all cells are text cells.
 */
@Service
class PupilExport {

    static final String[] HEADERS = {"学籍号", "姓名", "身份证号", "学校代码", "学校", "年级", "班级", "是否寄宿", "户籍村代码",
            "监护人姓名", "监护人关系", "监护人电话", "困难类别", "学籍状态"};

    private final PupilSearch search;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    PupilExport(PupilSearch search, JdbcTemplate jdbc, AuditLog audit) {
        this.search = search;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    int write(BaoxueUser user, String query, String schoolCode, OutputStream out) throws IOException {
        Map<Long, String[]> guardians = firstGuardians(user);
        Map<Long, Set<Hardship>> hardships = hardships(user);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("学生名单");
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                head.createCell(c).setCellValue(HEADERS[c]);
            }
            int[] count = {0};
            search.each(user, query, schoolCode, rs -> {
                Pupil p = pupilRow(rs);
                boolean full = PupilAccess.seesFullRecord(user, p);
                String[] g = guardians.getOrDefault(p.id(), new String[3]);
                String phone = g[2] == null ? null : full ? g[2] : new Guardian(0, 0, "", "", g[2], null).maskedPhone();
                Set<Hardship> h = p.householdId() == null ? Set.of() : hardships.getOrDefault(p.householdId(), Set.of());
                String[] values = {full ? p.studentNumber() : p.maskedStudentNumber(), p.name(),
                        full ? p.idNumber() : p.maskedIdNumber(), p.schoolCode(), p.schoolName(),
                        p.grade() == null ? null : String.valueOf(p.grade()), p.className(), p.boarding() ? "是" : "否",
                        p.villageCode(), g[0], g[1] == null ? null : relationName(g[1]), phone,
                        h.stream().sorted().map(PupilImport::chineseName)
                                .collect(Collectors.joining("、")),
                        p.status()};
                Row row = sheet.createRow(++count[0]);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] != null) {
                        row.createCell(c).setCellValue(neutralise(values[c]));
                    }
                }
            });
            workbook.write(out);
            audit.record(user, "registry.export", "pupil", user.jurisdiction().level() + ":" + user.jurisdiction().code(),
                    "rows=" + count[0] + (query == null || query.isBlank() ? "" : " filtered") + (schoolCode == null ? "" : " school=" + schoolCode));
            return count[0];
        }
    }

    /** A text no spreadsheet will evaluate: formula triggers get a leading apostrophe. */
    static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String relationName(String relation) {
        return switch (relation) {
            case "FATHER" -> "父亲";
            case "MOTHER" -> "母亲";
            case "GRANDPARENT" -> "祖父母";
            default -> "其他";
        };
    }

    private Pupil pupilRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Pupils.withoutHardships(rs);
    }

    private Map<Long, String[]> firstGuardians(BaoxueUser user) {
        Map<Long, String[]> map = new HashMap<>();
        List<Object> args = new ArrayList<>(user.jurisdiction().args());
        jdbc.query("select g.pupil_id, g.name, g.relation, g.phone from guardian g join pupil p on p.id = g.pupil_id where "
                + user.jurisdiction().sql("p") + " order by g.id", rs -> {
            map.putIfAbsent(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
        }, args.toArray());
        return map;
    }

    private Map<Long, Set<Hardship>> hardships(BaoxueUser user) {
        Map<Long, Set<Hardship>> map = new HashMap<>();
        jdbc.query("select distinct h.household_id, h.category from household_hardship h join pupil p on p.household_id = h.household_id"
                + " where h.until is null and " + user.jurisdiction().sql("p"), rs -> {
            map.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Hardship.class)).add(Hardship.valueOf(rs.getString(2)));
        }, user.jurisdiction().args().toArray());
        return map;
    }
}
