package org.baoxue.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by each case module, so that a pupil's page lists the pupil's cases without the registry
 * knowing the case modules.
 */
public interface PupilCaseSource {

    List<PupilCase> casesOf(long pupilId);

    /** One case of a pupil: its number, what kind, its state, when it opened, and where to open it. */
    record PupilCase(String caseNumber, String kindMessageKey, String state, LocalDate openedOn, String link) {
    }
}
