package org.baoxue.org;

import java.util.List;

/**
 * Something a module wants a user to see on the home page, e.g. the calendar telling an administrator that next
 * year's holiday schedule is missing. Declared as a bean; the organisation module knows none of them.
 */
public interface HomeNotice {

    List<Notice> noticesFor(BaoxueUser user);

    /** A message key with its arguments, and where to act on it. */
    record Notice(String messageKey, List<Object> args, String link) {
    }
}
