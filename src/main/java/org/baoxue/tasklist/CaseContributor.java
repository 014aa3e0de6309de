package org.baoxue.tasklist;

import java.util.List;
import java.util.Optional;

/**
 * Implemented by a case module (dropout, aid, ...) to tell the task list about the case behind a process
 * instance's business key: the header above a task's form and the timeline below it. The task list itself never
 * imports a case module; a process without a contributor still works, with a plainer header.
 */
public interface CaseContributor {

    /** Whether this module keeps the case with this business key (case numbers carry the module's prefix). */
    boolean owns(String businessKey);

    Optional<CaseHeader> header(String businessKey);

    List<TimelineEntry> timeline(String businessKey);
}
