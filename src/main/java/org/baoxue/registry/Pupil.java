package org.baoxue.registry;

import java.time.LocalDate;
import java.util.Set;

/**
 * A pupil as the case modules need them. {@link #idNumber()} is the full number: show {@link #maskedIdNumber()}
 * in lists, and the full one only where the role needs it, with an audit entry.
 */
public record Pupil(long id, String studentNumber, String name, String idNumber, String gender, LocalDate birthDate,
                    String schoolCode, String schoolName, String countyCode, String townshipCode, String villageCode,
                    Integer grade, String className, boolean boarding, String status, Long householdId,
                    Set<Hardship> hardships) {

    public enum Stage { PRIMARY, JUNIOR, SENIOR }

    public String maskedIdNumber() {
        return IdNumbers.mask(idNumber);
    }

    /**
     * The student number as lists show it: a national student number is often {@code G} followed by the ID number,
     * so the part that is an ID number is masked like one.
     */
    public String maskedStudentNumber() {
        if (studentNumber != null && idNumber != null && !idNumber.isEmpty() && studentNumber.contains(idNumber)) {
            return studentNumber.replace(idNumber, IdNumbers.mask(idNumber));
        }
        return IdNumbers.maskStudentNumber(studentNumber);
    }

    /** The name with all but the surname hidden, for lists that strangers might see: 张** */
    public String maskedName() {
        return name == null || name.length() < 2 ? name : name.charAt(0) + "*".repeat(name.length() - 1);
    }

    /** Primary (grades 1-6), junior secondary (7-9) or senior secondary (10-12). */
    public Stage stage() {
        if (grade == null || grade <= 6) {
            return Stage.PRIMARY;
        }
        return grade <= 9 ? Stage.JUNIOR : Stage.SENIOR;
    }

    /** Of compulsory-education age on the given day: 6 to 15 years old. */
    public boolean compulsoryAge(LocalDate on) {
        if (birthDate == null) {
            return false;
        }
        int age = birthDate.until(on).getYears();
        return age >= 6 && age <= 15;
    }
}
