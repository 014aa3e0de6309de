package org.baoxue.org;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal BaoxueUser me, Model model) {
        model.addAttribute("notifications", notifications.recent(me.getUsername(), 100));
        return "org/notifications";
    }

    /** The bell's badge: empty when there is nothing unread, so it takes no room. */
    @GetMapping("/notifications/count")
    @ResponseBody
    String count(@AuthenticationPrincipal BaoxueUser me) {
        long unread = notifications.unread(me.getUsername());
        return unread == 0 ? "" : String.valueOf(unread);
    }

    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal BaoxueUser me, @PathVariable long id) {
        notifications.markRead(me.getUsername(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal BaoxueUser me) {
        notifications.markAllRead(me.getUsername());
        return "redirect:/notifications";
    }
}
