package org.baoxue.org;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final List<HomeNotice> notices;

    HomeController(List<HomeNotice> notices) {
        this.notices = notices;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal BaoxueUser me, Model model) {
        model.addAttribute("notices", notices.stream().flatMap(n -> n.noticesFor(me).stream()).toList());
        return "org/home";
    }

    @GetMapping("/login")
    String login() {
        return "org/login";
    }
}
