package org.baoxue.dropout;

/**
 * A channel that tells the supervisors above a unit that a step of a case is overdue. The in-app channel is built
 * in; an e-mail or SMS channel is one more bean implementing this interface.
 */
public interface OverdueNotifier {

    void overdue(DropoutCase dropoutCase, String stepKey, String stepName);
}
