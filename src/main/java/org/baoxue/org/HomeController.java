package org.baoxue.org;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final java.util.List<HomeNotice> notices;

    HomeController(java.util.List<HomeNotice> notices) {
        this.notices = notices;
    }

    @GetMapping("/")
    String home(@org.springframework.security.core.annotation.AuthenticationPrincipal BaoxueUser me,
                org.springframework.ui.Model model) {
        model.addAttribute("notices", notices.stream().flatMap(n -> n.noticesFor(me).stream()).toList());
        return "org/home";
    }

    @GetMapping("/login")
    String login() {
        return "org/login";
    }
}
