package org.studysupport.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: for each role, where its work is ({@code start.html}). */
@Controller
public class StartPage {

    @GetMapping("/")
    String start() {
        return "start";
    }
}
