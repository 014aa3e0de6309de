package org.baoxue.org;

import java.util.Set;

/**
 * A link on the home page and in the navigation bar, shown to holders of any of its roles. Each module
 * declares its own entries as beans, so the organisation module needs to know none of them.
 */
public record MenuEntry(String messageKey, String path, int order, Set<Role> roles) {

    public boolean visibleTo(BaoxueUser user) {
        return user.roles().stream().anyMatch(roles::contains);
    }
}
