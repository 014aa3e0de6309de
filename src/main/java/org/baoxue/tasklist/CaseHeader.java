package org.baoxue.tasklist;

import java.time.LocalDate;
import java.util.List;

/**
 * What an official sees above a task: the case, the pupil (masked name for lists, full name on the task page),
 * the school, both lines' responsible persons (双线包保), the case's age and deadline. The area codes say whose
 * jurisdiction the case lies in.
 */
public record CaseHeader(String caseNumber, String kindMessageKey, String pupilName, String pupilMaskedName,
                         String schoolCode, String schoolName, String countyCode, String townshipCode,
                         String villageCode, LocalDate openedOn, LocalDate deadline,
                         List<Responsible> responsibles, String caseLink) {

    public enum Line { ADMINISTRATIVE, EDUCATION }

    public record Responsible(Line line, String roleKey, String name, String unitName) {
    }
}
