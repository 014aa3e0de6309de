package org.baoxue.aid;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One round: a school, a programme, a semester. */
public record AidRound(long id, String caseNumber, Programme programme, String semester, String schoolCode,
                      String schoolName, String countyCode, String townshipCode, String status, String callText,
                      String openedBy, LocalDateTime openedAt, LocalDate noticeStartedOn, LocalDate noticeEndsOn,
                      int noticeRestarts, String noticePlace, Long paymentBatchId, String processInstanceId) {

    public String statusKey() {
        return "aid.round.status." + status;
    }
}
