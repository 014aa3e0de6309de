package org.baoxue.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One data row of an uploaded list, parsed; {@code errors} is empty for a valid row. A column the file does not
 * have is {@code null} here and leaves the pupil's value alone on update; {@code hardships} is {@code null} when
 * the file has no hardship column, and the household's full set when it has one.
 */
final class ImportRow {

    /** Why a row is bad: a message key and its arguments. */
    record Problem(String messageKey, Object... args) {
    }

    final int line;
    String studentNumber;
    String name;
    String idNumber;
    boolean idValid;
    String schoolCode;
    Integer grade;
    String className;
    Boolean boarding;
    String villageCode;
    String guardianName;
    String guardianRelation;
    String guardianPhone;
    Set<Hardship> hardships;
    final List<Problem> problems = new ArrayList<>(0);

    ImportRow(int line) {
        this.line = line;
    }

    boolean valid() {
        return problems.isEmpty();
    }

    void problem(String key, Object... args) {
        problems.add(new Problem(key, args));
    }

    /** The ID number as a preview may show it. */
    public String maskedIdNumber() {
        return IdNumbers.mask(idNumber);
    }

    public int line() {
        return line;
    }

    /** The student number as a preview may show it: the ID number inside a national student number masked. */
    public String maskedStudentNumber() {
        return new Pupil(0, studentNumber, name, idNumber, null, null, null, null, null, null, null, null, null, false,
                null, null, java.util.Set.of()).maskedStudentNumber();
    }

    public String name() {
        return name;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public List<Problem> problems() {
        return problems;
    }
}
