package org.baoxue.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A county's payment batch: the approved applications of some rounds, exported for the bank, then marked paid. */
public record PaymentBatch(long id, String batchNumber, String countyCode, String status, BigDecimal totalAmount,
                           String createdBy, LocalDateTime createdAt, LocalDateTime exportedAt, LocalDate paidOn) {

    public String statusKey() {
        return "aid.batch.status." + status;
    }
}
