package org.baoxue.dropout;

import java.time.LocalDate;

/** A dropout case (控辍保学一人一案) as its ledger row: the pupil, the units, both lines' persons and the state. */
public record DropoutCase(long id, String caseNumber, long pupilId, String pupilName, String processInstanceId,
                          Status status, String stage, String source, String countyCode, String townshipCode,
                          String villageCode, String schoolCode, String schoolName, LocalDate openedOn, String reason,
                          LocalDate returnedOn, LocalDate closedOn, String closeReason, String placement,
                          String adminOfficial, String adminVillageCadre, String eduCountyOfficer,
                          String eduTownshipOfficer, String eduSchoolPerson, boolean overdue, int reopenCount) {

    /** 疑似辍学, 辍学 (reported in writing to both lines), 返校 (in follow-up), 特殊情形, 销号/结案. */
    public enum Status { SUSPECTED, DROPOUT, RETURNED, SPECIAL, CLOSED }

    public String maskedPupilName() {
        return pupilName == null || pupilName.length() < 2 ? pupilName : pupilName.charAt(0) + "*".repeat(pupilName.length() - 1);
    }

    public boolean open() {
        return status != Status.CLOSED;
    }

    public String link() {
        return "/dropout/cases/" + caseNumber;
    }
}
