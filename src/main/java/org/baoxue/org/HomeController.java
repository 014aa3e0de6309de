package org.baoxue.org;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "org/home";
    }

    @GetMapping("/login")
    String login() {
        return "org/login";
    }
}
