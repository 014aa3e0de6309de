package org.baoxue.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.baoxue.registry.IdNumbers;

/** One pupil's application in a round, with the pupil's name and ID number joined from the registry. */
public record AidApplication(long id, String caseNumber, long roundId, String roundCaseNumber, long pupilId,
                            String pupilName, String idNumber, Programme programme, String semester,
                            String schoolCode, String countyCode, String townshipCode, String villageCode,
                            String className, String stage, boolean boarding, String categories, String evidence,
                            String cardAccount, String status, Integer classRank, Boolean classRecommended,
                            String classOpinion, Integer suggestedTier, Integer tier, String overrideReason,
                            BigDecimal yearlyAmount, BigDecimal semesterAmount, String sentBackReason,
                            String reviewFlag, Long paymentBatchId, LocalDate paidOn, LocalDateTime createdAt,
                            String processInstanceId) {

    public List<String> categoryList() {
        return categories == null || categories.isBlank() ? List.of() : Arrays.asList(categories.split(","));
    }

    public String maskedIdNumber() {
        return IdNumbers.mask(idNumber);
    }

    public String maskedName() {
        return pupilName == null || pupilName.length() < 2 ? pupilName : pupilName.charAt(0) + "*".repeat(pupilName.length() - 1);
    }

    public String statusKey() {
        return "aid.application.status." + status;
    }
}
