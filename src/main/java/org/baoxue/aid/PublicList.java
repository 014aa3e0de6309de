package org.baoxue.aid;

import java.util.List;

/**
 * The list a school posts for the public notice: name, class and tier of every applicant still on the list. It
 * has no ID numbers and no hardship categories by construction (the entry has no such fields).
 */
record PublicList(String name, String className, int tier) {

    static List<PublicList> of(AidRound round, List<AidApplication> applications) {
        return applications.stream()
                .filter(a -> List.of("REVIEWED", "APPROVED", "PAID", "SENT_BACK").contains(a.status()) && a.tier() != null && a.tier() > 0)
                .map(a -> new PublicList(a.pupilName(), a.className(), a.tier()))
                .toList();
    }
}
