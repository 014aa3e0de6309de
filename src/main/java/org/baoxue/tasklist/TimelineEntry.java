package org.baoxue.tasklist;

import java.time.LocalDateTime;
import java.util.List;

/** One earlier step of a case: when, who, what step, its outcome, and the documents it produced. */
public record TimelineEntry(LocalDateTime at, String who, String step, String outcome, List<DocumentLink> documents) {

    public record DocumentLink(String title, String href) {
    }
}
