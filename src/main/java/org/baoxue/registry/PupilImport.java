package org.baoxue.registry;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.baoxue.org.Role;
import org.baoxue.org.Unit;
import org.baoxue.org.UnitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a list of pupils (a county's 建档立卡 list, a school's roster) in two steps: {@link #validate} reads the
 * file and checks every row (nothing written), {@link #apply} writes the valid rows in one transaction, either all
 * of them or none when any row is bad ({@link Mode#ALL_OR_NOTHING}), or only the valid ones ({@link Mode#VALID_ONLY}).
 * Pupils are matched by student number: a new number inserts, a known one updates what differs and records each
 * changed field (old → new, ID numbers masked) in {@code pupil_change}; a row that changes nothing writes nothing,
 * so importing the same file twice leaves the registry as the first import left it.
 * <p>
 * Writes are JDBC batches of {@value #CHUNK} rows, plain inserts and updates after one select per chunk, so the
 * same SQL runs on H2 and PostgreSQL. Nothing here logs a name, ID number or phone.
 */
@Service
class PupilImport {

    enum Mode { ALL_OR_NOTHING, VALID_ONLY }

    /** Who may import: school staff for their own school, county education and aid officers for their county. */
    static boolean mayImport(BaoxueUser user) {
        UnitKind kind = user.unit().kind();
        boolean schoolStaff = kind == UnitKind.SCHOOL
                && (user.has(Role.CLASS_TEACHER) || user.has(Role.SCHOOL_LEADER) || user.has(Role.SCHOOL_AID));
        boolean countyStaff = (kind == UnitKind.COUNTY_EDU_BUREAU || kind == UnitKind.COUNTY_AID_CENTRE)
                && (user.has(Role.COUNTY_EDU) || user.has(Role.COUNTY_AID));
        return schoolStaff || countyStaff;
    }

    /** A checked file: every row, valid or not, and the columns it has. */
    record Preview(String fileName, List<ImportRow> rows, Set<ImportColumn> columns) {
        public long invalid() {
            return rows.stream().filter(r -> !r.valid()).count();
        }

        public long valid() {
            return rows.size() - invalid();
        }

        public List<ImportRow> invalidRows(int max) {
            return rows.stream().filter(r -> !r.valid()).limit(max).toList();
        }
    }

    record Result(long importId, int inserted, int updated, int unchanged, int rejected) {
    }

    static final int CHUNK = 500;
    /** After this many written rows the planner's statistics are refreshed (PostgreSQL: "run ANALYZE afterwards"). */
    static final int ANALYZE_AFTER = 5_000;
    private static final Logger log = LoggerFactory.getLogger(PupilImport.class);
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日")};
    private static final Map<String, Hardship> HARDSHIP_NAMES = hardshipNames();
    private static final java.util.regex.Pattern STUDENT_NUMBER = java.util.regex.Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("1\\d{10}|0\\d{9,11}|\\d{7,8}");
    private static final java.util.regex.Pattern PHONE_SEPARATORS = java.util.regex.Pattern.compile("[\\s-]");
    private static final java.util.regex.Pattern LIST_SEPARATORS = java.util.regex.Pattern.compile("[、,，;；/\\s]+");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OrgDirectory org;
    private final AuditLog audit;
    private final ImportLimits limits;

    PupilImport(JdbcTemplate jdbc, PlatformTransactionManager txManager, OrgDirectory org, AuditLog audit, ImportLimits limits) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.org = org;
        this.audit = audit;
        this.limits = limits;
    }

    // ------------------------------------------------------------------------------------------------ validation

    Preview validate(byte[] bytes, String fileName, BaoxueUser user, IntConsumer progress) {
        SpreadsheetReader.Table table = new SpreadsheetReader(limits).read(bytes, progress);
        Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
        for (int c = 0; c < table.header().size(); c++) {
            int col = c;
            ImportColumn.of(table.header().get(c)).ifPresent(k -> index.putIfAbsent(k, col));
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !index.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportRefused("registry.import.refused.missingColumns", String.join("、", missing));
        }
        if (table.rows().isEmpty()) {
            throw new ImportRefused("registry.import.refused.noRows");
        }
        Map<String, Optional<Unit>> units = new HashMap<>();
        Map<String, Integer> studentNumbers = new HashMap<>();
        Map<String, Integer> idNumbers = new HashMap<>();
        List<ImportRow> rows = new ArrayList<>(table.rows().size());
        for (int i = 0; i < table.rows().size(); i++) {
            ImportRow row = parse(table.rows().get(i), table.lineNumbers().get(i), index, units, user);
            if (row.studentNumber != null) {
                Integer first = studentNumbers.putIfAbsent(row.studentNumber, row.line);
                if (first != null) {
                    row.problem("registry.import.row.duplicateStudentNumber", first);
                }
            }
            if (row.idNumber != null && row.idValid) {
                Integer first = idNumbers.putIfAbsent(row.idNumber, row.line);
                if (first != null) {
                    row.problem("registry.import.row.duplicateIdNumber", first);
                }
            }
            rows.add(row);
        }
        checkAgainstRegistry(rows, user);
        progress.accept(rows.size());
        return new Preview(fileName, rows, index.keySet());
    }

    private ImportRow parse(String[] cells, int line, Map<ImportColumn, Integer> index, Map<String, Optional<Unit>> units,
                            BaoxueUser user) {
        ImportRow row = new ImportRow(line);
        row.studentNumber = cell(cells, index, ImportColumn.STUDENT_NUMBER);
        row.name = cell(cells, index, ImportColumn.NAME);
        row.idNumber = cell(cells, index, ImportColumn.ID_NUMBER);
        row.schoolCode = cell(cells, index, ImportColumn.SCHOOL_CODE);
        if (row.studentNumber == null) {
            row.problem("registry.import.row.required", ImportColumn.STUDENT_NUMBER.header());
        } else if (!STUDENT_NUMBER.matcher(row.studentNumber).matches()) {
            row.problem("registry.import.row.studentNumber");
        }
        if (row.name == null) {
            row.problem("registry.import.row.required", ImportColumn.NAME.header());
        } else if (row.name.length() > 50) {
            row.problem("registry.import.row.tooLong", ImportColumn.NAME.header(), 50);
        }
        if (row.idNumber == null) {
            row.problem("registry.import.row.required", ImportColumn.ID_NUMBER.header());
        } else {
            row.idNumber = row.idNumber.toUpperCase(Locale.ROOT);
            Optional<String> idProblem = IdNumbers.problem(row.idNumber);
            idProblem.ifPresent(row::problem);
            row.idValid = idProblem.isEmpty();
            String birth = cell(cells, index, ImportColumn.BIRTH_DATE);
            if (birth != null && row.idValid) {
                Optional<LocalDate> date = date(birth);
                if (date.isEmpty()) {
                    row.problem("registry.import.row.birthDateFormat", birth);
                } else if (!date.equals(IdNumbers.birthDate(row.idNumber))) {
                    row.problem("registry.import.row.birthDateMismatch");
                }
            }
        }
        if (row.schoolCode == null) {
            row.problem("registry.import.row.required", ImportColumn.SCHOOL_CODE.header());
        } else {
            Optional<Unit> school = units.computeIfAbsent(row.schoolCode, org::unit).filter(u -> u.kind() == UnitKind.SCHOOL);
            if (school.isEmpty()) {
                row.problem("registry.import.row.unknownSchool", row.schoolCode);
            } else if (!user.jurisdiction().covers(school.get())) {
                row.problem("registry.import.row.schoolOutside", row.schoolCode);
            }
        }
        String grade = cell(cells, index, ImportColumn.GRADE);
        if (grade != null) {
            row.grade = grade(grade);
            if (row.grade == null) {
                row.problem("registry.import.row.grade", grade);
            }
        }
        row.className = cell(cells, index, ImportColumn.CLASS_NAME);
        if (row.className != null && row.className.length() > 32) {
            row.problem("registry.import.row.tooLong", ImportColumn.CLASS_NAME.header(), 32);
        }
        String boarding = cell(cells, index, ImportColumn.BOARDING);
        if (boarding != null) {
            row.boarding = yesNo(boarding);
            if (row.boarding == null) {
                row.problem("registry.import.row.boarding", boarding);
            }
        }
        row.villageCode = cell(cells, index, ImportColumn.VILLAGE_CODE);
        if (row.villageCode != null && units.computeIfAbsent(row.villageCode, org::unit).filter(u -> u.kind() == UnitKind.VILLAGE).isEmpty()) {
            row.problem("registry.import.row.unknownVillage", row.villageCode);
        }
        row.guardianName = cell(cells, index, ImportColumn.GUARDIAN_NAME);
        if (row.guardianName != null && row.guardianName.length() > 50) {
            row.problem("registry.import.row.tooLong", ImportColumn.GUARDIAN_NAME.header(), 50);
        }
        String relation = cell(cells, index, ImportColumn.GUARDIAN_RELATION);
        row.guardianRelation = relation == null ? null : relation(relation);
        row.guardianPhone = cell(cells, index, ImportColumn.GUARDIAN_PHONE);
        if (row.guardianPhone != null) {
            row.guardianPhone = PHONE_SEPARATORS.matcher(row.guardianPhone).replaceAll("");
            if (!PHONE.matcher(row.guardianPhone).matches()) {
                row.problem("registry.import.row.phone");
            }
        }
        if ((row.guardianRelation != null || row.guardianPhone != null) && row.guardianName == null) {
            row.problem("registry.import.row.required", ImportColumn.GUARDIAN_NAME.header());
        }
        if (index.containsKey(ImportColumn.HARDSHIP)) {
            row.hardships = EnumSet.noneOf(Hardship.class);
            String hardships = cell(cells, index, ImportColumn.HARDSHIP);
            if (hardships != null) {
                for (String part : LIST_SEPARATORS.split(hardships)) {
                    Hardship h = HARDSHIP_NAMES.get(part.toLowerCase(Locale.ROOT));
                    if (h == null && !part.isEmpty() && !part.equals("无")) {
                        row.problem("registry.import.row.hardship", part);
                    } else if (h != null) {
                        row.hardships.add(h);
                    }
                }
            }
        }
        return row;
    }

    /**
     * Checks that need the registry: a student number already registered at a school outside the uploader's
     * jurisdiction, and an ID number already registered under another student number.
     */
    private void checkAgainstRegistry(List<ImportRow> rows, BaoxueUser user) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<ImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<String> numbers = chunk.stream().map(r -> r.studentNumber).filter(Objects::nonNull).toList();
            Map<String, String[]> existing = new HashMap<>();
            if (!numbers.isEmpty()) {
                jdbc.query("select student_number, county_code, township_code, village_code, school_code from pupil where student_number in ("
                                + marks(numbers.size()) + ")",
                        rs -> {
                            existing.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                        }, numbers.toArray());
            }
            List<String> ids = chunk.stream().filter(r -> r.idValid).map(r -> r.idNumber).toList();
            Map<String, String> idOwners = new HashMap<>();
            if (!ids.isEmpty()) {
                jdbc.query("select id_number, student_number from pupil where id_number in (" + marks(ids.size()) + ")",
                        rs -> {
                            idOwners.put(rs.getString(1), rs.getString(2));
                        }, ids.toArray());
            }
            for (ImportRow row : chunk) {
                String[] e = existing.get(row.studentNumber);
                if (e != null && !user.jurisdiction().covers(e[0], e[1], e[2], e[3])) {
                    row.problem("registry.import.row.pupilOutside");
                }
                String owner = idOwners.get(row.idNumber);
                if (owner != null && !owner.equals(row.studentNumber)) {
                    row.problem("registry.import.row.idNumberTaken");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Writes the preview's rows in one transaction; refuses (writing nothing) in ALL_OR_NOTHING mode if any row is bad. */
    Result apply(Preview preview, Mode mode, BaoxueUser user, IntConsumer progress) {
        if (!mayImport(user)) {
            throw new ImportRefused("registry.import.refused.notAllowed");
        }
        int rejected = (int) preview.invalid();
        if (mode == Mode.ALL_OR_NOTHING && rejected > 0) {
            throw new ImportRefused("registry.import.refused.hasErrors", rejected);
        }
        List<ImportRow> valid = preview.rows().stream().filter(ImportRow::valid).toList();
        try {
            Result result = tx.execute(status -> write(preview, valid, mode, rejected, user, progress));
            if (result.inserted() + result.updated() >= ANALYZE_AFTER) {
                analyze();
            }
            log.info("Import {} by {}: {} inserted, {} updated, {} unchanged, {} rejected", result.importId(),
                    user.getUsername(), result.inserted(), result.updated(), result.unchanged(), result.rejected());
            return result;
        } catch (DataIntegrityViolationException e) {
            // someone changed the registry between preview and import: nothing was written
            throw new ImportRefused("registry.import.refused.conflict");
        }
    }

    private Result write(Preview preview, List<ImportRow> valid, Mode mode, int rejected, BaoxueUser user, IntConsumer progress) {
        LocalDateTime started = LocalDateTime.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into registry_import (username, unit_code, file_name, mode, total_rows, inserted, updated,
                                                 unchanged, rejected, started_at, finished_at)
                    values (?,?,?,?,?,0,0,0,?,?,?)""", new String[] {"id"});
            ps.setString(1, user.getUsername());
            ps.setString(2, user.unit().code());
            ps.setString(3, truncate(preview.fileName(), 200));
            ps.setString(4, mode.name());
            ps.setInt(5, preview.rows().size());
            ps.setInt(6, rejected);
            ps.setTimestamp(7, Timestamp.valueOf(started));
            ps.setTimestamp(8, Timestamp.valueOf(started));
            return ps;
        }, key);
        long importId = key.getKey().longValue();
        Writer writer = new Writer(importId, user, preview.columns());
        for (int from = 0; from < valid.size(); from += CHUNK) {
            writer.chunk(valid.subList(from, Math.min(valid.size(), from + CHUNK)));
            progress.accept(Math.min(valid.size(), from + CHUNK));
        }
        jdbc.update("update registry_import set inserted = ?, updated = ?, unchanged = ?, finished_at = ? where id = ?",
                writer.inserted, writer.updated, writer.unchanged, Timestamp.valueOf(LocalDateTime.now()), importId);
        audit.record(user, "registry.import", "registry_import", String.valueOf(importId),
                "file=" + truncate(preview.fileName(), 100) + " mode=" + mode + " inserted=" + writer.inserted
                        + " updated=" + writer.updated + " unchanged=" + writer.unchanged + " rejected=" + rejected);
        return new Result(importId, writer.inserted, writer.updated, writer.unchanged, rejected);
    }

    /** A pupil as the registry has it, with the household and first guardian an import compares against. */
    private static final class Existing {
        long id;
        String name, idNumber, schoolCode, className, villageCode;
        Integer grade;
        boolean boarding;
        Long householdId;
        Long guardianId;
        String guardianName, guardianRelation, guardianPhone;
        Set<Hardship> hardships = EnumSet.noneOf(Hardship.class);
    }

    private final class Writer {
        final long importId;
        final BaoxueUser user;
        final Set<ImportColumn> columns;
        final String semester = Semesters.current(LocalDate.now());
        final Map<String, Unit> units = new HashMap<>();
        int inserted, updated, unchanged;

        Writer(long importId, BaoxueUser user, Set<ImportColumn> columns) {
            this.importId = importId;
            this.user = user;
            this.columns = columns;
        }

        Unit unit(String code) {
            return code == null ? null : units.computeIfAbsent(code, c -> org.unit(c).orElseThrow());
        }

        void chunk(List<ImportRow> rows) {
            Map<String, Existing> existing = load(rows);
            List<ImportRow> fresh = new ArrayList<>();
            List<Object[]> changes = new ArrayList<>();
            List<Object[]> pupilUpdates = new ArrayList<>();
            List<Object[]> enrolmentDeletes = new ArrayList<>();
            List<Object[]> enrolments = new ArrayList<>();
            for (ImportRow row : rows) {
                Existing e = existing.get(row.studentNumber);
                if (e == null) {
                    fresh.add(row);
                } else if (update(row, e, changes, pupilUpdates, enrolmentDeletes, enrolments)) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            insert(fresh, enrolments);
            batch("""
                    update pupil set name = ?, id_number = ?, gender = ?, birth_date = ?, school_code = ?, county_code = ?,
                           township_code = ?, village_code = ?, grade = ?, class_name = ?, boarding = ?, updated_at = ?
                    where id = ?""", pupilUpdates);
            batch("delete from enrolment where pupil_id = ? and semester = ?", enrolmentDeletes);
            batch("insert into enrolment (pupil_id, semester, school_code, grade, class_name) values (?,?,?,?,?)", enrolments);
            batch("insert into pupil_change (pupil_id, import_id, username, unit_code, field, old_text, new_text) values (?,?,?,?,?,?,?)", changes);
        }

        private Map<String, Existing> load(List<ImportRow> rows) {
            Map<String, Existing> map = new HashMap<>();
            List<String> numbers = rows.stream().map(r -> r.studentNumber).toList();
            jdbc.query("select id, student_number, name, id_number, school_code, grade, class_name, boarding, village_code, household_id "
                    + "from pupil where student_number in (" + marks(numbers.size()) + ")", rs -> {
                Existing e = new Existing();
                e.id = rs.getLong("id");
                e.name = rs.getString("name");
                e.idNumber = rs.getString("id_number");
                e.schoolCode = rs.getString("school_code");
                int grade = rs.getInt("grade");
                e.grade = rs.wasNull() ? null : grade;
                e.className = rs.getString("class_name");
                e.boarding = rs.getBoolean("boarding");
                e.villageCode = rs.getString("village_code");
                long household = rs.getLong("household_id");
                e.householdId = rs.wasNull() ? null : household;
                map.put(rs.getString("student_number"), e);
            }, numbers.toArray());
            if (map.isEmpty()) {
                return map;
            }
            Map<Long, Existing> byId = map.values().stream().collect(Collectors.toMap(e -> e.id, e -> e));
            jdbc.query("select id, pupil_id, name, relation, phone from guardian where pupil_id in (" + marks(byId.size())
                    + ") order by id", rs -> {
                Existing e = byId.get(rs.getLong("pupil_id"));
                if (e.guardianId == null) {
                    e.guardianId = rs.getLong("id");
                    e.guardianName = rs.getString("name");
                    e.guardianRelation = rs.getString("relation");
                    e.guardianPhone = rs.getString("phone");
                }
            }, byId.keySet().toArray());
            Map<Long, List<Existing>> byHousehold = map.values().stream().filter(e -> e.householdId != null)
                    .collect(Collectors.groupingBy(e -> e.householdId));
            if (!byHousehold.isEmpty()) {
                jdbc.query("select household_id, category from household_hardship where until is null and household_id in ("
                        + marks(byHousehold.size()) + ")", rs -> {
                    Hardship h = Hardship.valueOf(rs.getString("category"));
                    byHousehold.get(rs.getLong("household_id")).forEach(e -> e.hardships.add(h));
                }, byHousehold.keySet().toArray());
            }
            return map;
        }

        /** Compares the row with the registry; queues the writes and change records; true when anything differs. */
        private boolean update(ImportRow row, Existing e, List<Object[]> changes, List<Object[]> pupilUpdates,
                               List<Object[]> enrolmentDeletes, List<Object[]> enrolments) {
            List<Object[]> mine = new ArrayList<>();
            String name = diff(mine, e.id, "name", e.name, row.name);
            String idNumber = row.idNumber;
            if (!idNumber.equals(e.idNumber)) {
                mine.add(change(e.id, "id_number", IdNumbers.mask(e.idNumber), IdNumbers.mask(idNumber)));
            }
            String school = diff(mine, e.id, "school_code", e.schoolCode, row.schoolCode);
            Integer grade = diff(mine, e.id, "grade", e.grade, row.grade);
            String className = diff(mine, e.id, "class_name", e.className, row.className);
            Boolean boarding = diff(mine, e.id, "boarding", e.boarding, row.boarding);
            String village = diff(mine, e.id, "village_code", e.villageCode, row.villageCode);
            boolean pupilChanged = !mine.isEmpty();
            boolean enrolmentChanged = !Objects.equals(school, e.schoolCode) || !Objects.equals(grade, e.grade)
                    || !Objects.equals(className, e.className);

            // the household: its village, and the hardships when the file has that column
            Long household = e.householdId;
            boolean hardshipsChanged = row.hardships != null && !row.hardships.equals(e.hardships);
            boolean villageChanged = !Objects.equals(village, e.villageCode);
            if (household == null && (hardshipsChanged || villageChanged)) {
                household = insertHousehold(row.guardianName, village);
                jdbc.update("update pupil set household_id = ? where id = ?", household, e.id);
            } else if (villageChanged) {
                Unit v = unit(village);
                jdbc.update("update household set village_code = ?, township_code = ?, county_code = ? where id = ?",
                        village, v == null ? null : v.townshipCode(), v == null ? null : v.countyCode(), household);
            }
            if (hardshipsChanged) {
                mine.add(change(e.id, "hardships", names(e.hardships), names(row.hardships)));
                for (Hardship gone : e.hardships) {
                    if (!row.hardships.contains(gone)) {
                        jdbc.update("update household_hardship set until = ? where household_id = ? and category = ?",
                                LocalDate.now(), household, gone.name());
                    }
                }
                for (Hardship added : row.hardships) {
                    if (!e.hardships.contains(added)) {
                        int n = jdbc.update("update household_hardship set since = ?, until = null where household_id = ? and category = ?",
                                LocalDate.now(), household, added.name());
                        if (n == 0) {
                            jdbc.update("insert into household_hardship (household_id, category, since) values (?,?,?)",
                                    household, added.name(), LocalDate.now());
                        }
                    }
                }
            }

            // the guardian the file names: updated when it is the pupil's first guardian, added otherwise
            if (row.guardianName != null) {
                if (e.guardianId != null && e.guardianName.equals(row.guardianName)) {
                    String relation = diff(mine, e.id, "guardian_relation", e.guardianRelation, row.guardianRelation);
                    String phone = e.guardianPhone;
                    if (row.guardianPhone != null && !row.guardianPhone.equals(e.guardianPhone)) {
                        mine.add(change(e.id, "guardian_phone", maskPhone(e.guardianPhone), maskPhone(row.guardianPhone)));
                        phone = row.guardianPhone;
                    }
                    if (!Objects.equals(relation, e.guardianRelation) || !Objects.equals(phone, e.guardianPhone)) {
                        jdbc.update("update guardian set relation = ?, phone = ? where id = ?", relation, phone, e.guardianId);
                    }
                } else {
                    mine.add(change(e.id, "guardian", e.guardianName, row.guardianName));
                    jdbc.update("insert into guardian (pupil_id, name, relation, phone) values (?,?,?,?)", e.id,
                            row.guardianName, row.guardianRelation == null ? "OTHER" : row.guardianRelation, row.guardianPhone);
                }
            }
            if (mine.isEmpty()) {
                return false;
            }
            changes.addAll(mine);
            if (pupilChanged) {
                Unit s = unit(school);
                pupilUpdates.add(new Object[] {name, idNumber, IdNumbers.gender(idNumber), IdNumbers.birthDate(idNumber).orElse(null),
                        school, s.countyCode(), s.townshipCode(), village, grade, className, boarding,
                        Timestamp.valueOf(LocalDateTime.now()), e.id});
            }
            if (enrolmentChanged) {
                enrolmentDeletes.add(new Object[] {e.id, semester});
                enrolments.add(new Object[] {e.id, semester, school, grade, className});
            }
            return true;
        }

        private <T> T diff(List<Object[]> changes, long pupilId, String field, T old, T imported) {
            if (imported == null || imported.equals(old)) {
                return old;
            }
            changes.add(change(pupilId, field, old == null ? null : String.valueOf(old), String.valueOf(imported)));
            return imported;
        }

        private Object[] change(long pupilId, String field, String oldText, String newText) {
            return new Object[] {pupilId, importId, user.getUsername(), user.unit().code(), field,
                    truncate(oldText, 200), truncate(newText, 200)};
        }

        private void insert(List<ImportRow> rows, List<Object[]> enrolments) {
            if (rows.isEmpty()) {
                return;
            }
            List<Long> households = insertReturningIds(
                    "insert into household (head_name, address, county_code, township_code, village_code) values (?,?,?,?,?)",
                    rows.size(), (ps, i) -> {
                        ImportRow r = rows.get(i);
                        Unit v = unit(r.villageCode);
                        ps.setString(1, r.guardianName);
                        ps.setString(2, v == null ? null : v.name());
                        ps.setString(3, v == null ? null : v.countyCode());
                        ps.setString(4, v == null ? null : v.townshipCode());
                        ps.setString(5, r.villageCode);
                    });
            LocalDateTime now = LocalDateTime.now();
            List<Long> pupils = insertReturningIds("""
                    insert into pupil (student_number, name, id_number, gender, birth_date, household_id, school_code,
                                       county_code, township_code, village_code, grade, class_name, boarding, status, updated_at)
                    values (?,?,?,?,?,?,?,?,?,?,?,?,?,'ENROLLED',?)""", rows.size(), (ps, i) -> {
                ImportRow r = rows.get(i);
                Unit s = unit(r.schoolCode);
                ps.setString(1, r.studentNumber);
                ps.setString(2, r.name);
                ps.setString(3, r.idNumber);
                ps.setString(4, IdNumbers.gender(r.idNumber));
                ps.setObject(5, IdNumbers.birthDate(r.idNumber).orElseThrow());
                ps.setLong(6, households.get(i));
                ps.setString(7, r.schoolCode);
                ps.setString(8, s.countyCode());
                ps.setString(9, s.townshipCode());
                ps.setString(10, r.villageCode);
                if (r.grade == null) {
                    ps.setNull(11, Types.INTEGER);
                } else {
                    ps.setInt(11, r.grade);
                }
                ps.setString(12, r.className);
                ps.setBoolean(13, Boolean.TRUE.equals(r.boarding));
                ps.setTimestamp(14, Timestamp.valueOf(now));
            });
            List<Object[]> hardships = new ArrayList<>();
            List<Object[]> guardians = new ArrayList<>();
            LocalDate today = LocalDate.now();
            for (int i = 0; i < rows.size(); i++) {
                ImportRow r = rows.get(i);
                if (r.hardships != null) {
                    for (Hardship h : r.hardships) {
                        hardships.add(new Object[] {households.get(i), h.name(), today});
                    }
                }
                if (r.guardianName != null) {
                    guardians.add(new Object[] {pupils.get(i), r.guardianName,
                            r.guardianRelation == null ? "OTHER" : r.guardianRelation, r.guardianPhone});
                }
                enrolments.add(new Object[] {pupils.get(i), semester, r.schoolCode, r.grade, r.className});
            }
            batch("insert into household_hardship (household_id, category, since) values (?,?,?)", hardships);
            batch("insert into guardian (pupil_id, name, relation, phone) values (?,?,?,?)", guardians);
            inserted += rows.size();
        }

        private long insertHousehold(String head, String villageCode) {
            Unit v = unit(villageCode);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(
                        "insert into household (head_name, address, county_code, township_code, village_code) values (?,?,?,?,?)",
                        new String[] {"id"});
                ps.setString(1, head);
                ps.setString(2, v == null ? null : v.name());
                ps.setString(3, v == null ? null : v.countyCode());
                ps.setString(4, v == null ? null : v.townshipCode());
                ps.setString(5, villageCode);
                return ps;
            }, key);
            return key.getKey().longValue();
        }
    }

    interface RowSetter {
        void set(PreparedStatement ps, int i) throws SQLException;
    }

    private List<Long> insertReturningIds(String sql, int size, RowSetter setter) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        }, keys);
        List<Long> ids = new ArrayList<>(size);
        for (Map<String, Object> row : keys.getKeyList()) {
            ids.add(((Number) row.values().iterator().next()).longValue());
        }
        if (ids.size() != size) {
            throw new IllegalStateException("expected " + size + " generated keys, got " + ids.size());
        }
        return ids;
    }

    private void batch(String sql, List<Object[]> args) {
        if (!args.isEmpty()) {
            jdbc.batchUpdate(sql, args);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * PostgreSQL's manual ("Populating a Database", 14.4.8) advises ANALYZE after loading much data: without it the
     * planner keeps the row counts of an almost empty table and scans where it should use the indexes. H2 needs nothing.
     */
    private void analyze() {
        try {
            Boolean postgres = jdbc.execute((java.sql.Connection con) -> con.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            if (Boolean.TRUE.equals(postgres)) {
                jdbc.execute("analyze pupil, household, household_hardship, guardian, enrolment");
            }
        } catch (RuntimeException e) {
            log.warn("ANALYZE after import failed: {}", e.getClass().getSimpleName());
        }
    }

    private static String cell(String[] cells, Map<ImportColumn, Integer> index, ImportColumn column) {
        Integer c = index.get(column);
        if (c == null || c >= cells.length) {
            return null;
        }
        String v = cells[c];
        return v == null || v.isEmpty() ? null : v;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(text, f));
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return Optional.empty();
    }

    private static final String[] CHINESE_GRADES = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** 1-12, or 一年级 … 九年级, 初一 … 初三, 高一 … 高三. */
    static Integer grade(String text) {
        String t = text.replace("年级", "").strip();
        for (int i = 0; i < CHINESE_GRADES.length; i++) {
            if (t.equals(CHINESE_GRADES[i])) {
                return i + 1;
            }
            if (i < 3 && t.equals("初" + CHINESE_GRADES[i])) {
                return i + 7;
            }
            if (i < 3 && t.equals("高" + CHINESE_GRADES[i])) {
                return i + 10;
            }
        }
        try {
            int g = Integer.parseInt(t);
            return g >= 1 && g <= 12 ? g : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "是", "寄宿", "y", "yes", "true", "1" -> Boolean.TRUE;
            case "否", "走读", "n", "no", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    static String relation(String text) {
        String t = text.strip();
        return switch (t) {
            case "父亲", "父", "爸爸", "father", "FATHER" -> "FATHER";
            case "母亲", "母", "妈妈", "mother", "MOTHER" -> "MOTHER";
            case "祖父", "祖母", "爷爷", "奶奶", "外祖父", "外祖母", "外公", "外婆", "祖父母", "外祖父母", "grandparent", "GRANDPARENT" -> "GRANDPARENT";
            default -> "OTHER";
        };
    }

    private static Map<String, Hardship> hardshipNames() {
        Map<String, Hardship> m = new LinkedHashMap<>();
        for (Hardship h : Hardship.values()) {
            m.put(h.name().toLowerCase(Locale.ROOT), h);
        }
        put(m, Hardship.POVERTY_REGISTERED, "建档立卡", "建档立卡户", "建档立卡学生", "脱贫户", "脱贫家庭", "监测户", "防返贫监测", "脱贫监测");
        put(m, Hardship.SUBSISTENCE, "低保", "低保户", "低保家庭", "最低生活保障");
        put(m, Hardship.EXTREME_POVERTY, "特困", "特困供养", "特困人员", "五保");
        put(m, Hardship.ORPHAN, "孤儿");
        put(m, Hardship.DISABILITY, "残疾", "残疾学生", "残疾儿童", "残疾人家庭");
        put(m, Hardship.LEFT_BEHIND, "留守", "留守儿童");
        put(m, Hardship.UNATTENDED, "事实无人抚养", "事实无人抚养儿童");
        put(m, Hardship.MARTYR, "烈士子女", "烈士家庭");
        put(m, Hardship.DISASTER, "受灾", "受灾家庭");
        put(m, Hardship.SERIOUS_ILLNESS, "大病", "重病", "大病家庭");
        return m;
    }

    private static void put(Map<String, Hardship> m, Hardship h, String... names) {
        for (String n : names) {
            m.put(n, h);
        }
    }

    /** The name a Chinese list uses for the category (the first one {@link #hardshipNames()} accepts). */
    static String chineseName(Hardship h) {
        for (Map.Entry<String, Hardship> e : HARDSHIP_NAMES.entrySet()) {
            if (e.getValue() == h && !e.getKey().equals(h.name().toLowerCase(Locale.ROOT))) {
                return e.getKey();
            }
        }
        return h.name();
    }

    static String names(Collection<Hardship> hardships) {
        return hardships.stream().sorted().map(Hardship::name).collect(Collectors.joining(","));
    }

    private static String maskPhone(String phone) {
        return new Guardian(0, 0, "", "", phone, null).maskedPhone();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
