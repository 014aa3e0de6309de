package org.baoxue.dropout;

import org.baoxue.org.BaoxueUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in this thread: the signed-in official, or the server itself (imports, timers). */
final class Actor {

    static final String SYSTEM = "system";

    private Actor() {
    }

    static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof BaoxueUser user) {
            return user.getUsername();
        }
        return auth != null && auth.isAuthenticated() && auth.getName() != null ? auth.getName() : SYSTEM;
    }
}
