package org.baoxue.org;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user and the menu their roles open. */
@ControllerAdvice
class WebAdvice {

    private final List<MenuEntry> entries;

    WebAdvice(List<MenuEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
    }

    @ModelAttribute("me")
    BaoxueUser me(@AuthenticationPrincipal BaoxueUser user) {
        return user;
    }

    @ModelAttribute("menu")
    List<MenuEntry> menu(@AuthenticationPrincipal BaoxueUser user) {
        return user == null ? List.of() : entries.stream().filter(e -> e.visibleTo(user)).toList();
    }
}
