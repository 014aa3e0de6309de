package org.baoxue.dropout;

import java.util.Locale;

import org.baoxue.org.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Overdue steps as in-app notifications to the county's supervisors ({@code supervisor:<county>}). */
@Component
class InAppOverdueNotifier implements OverdueNotifier {

    private final Notifications notifications;
    private final MessageSource messages;

    InAppOverdueNotifier(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @Override
    public void overdue(DropoutCase c, String stepKey, String stepName) {
        String text = messages.getMessage("dropout.overdue.notice", new Object[] {c.caseNumber(), stepName, c.maskedPupilName()},
                Locale.SIMPLIFIED_CHINESE);
        notifications.notifyGroup("supervisor:" + c.countyCode(), "OVERDUE", text, c.link());
    }
}
