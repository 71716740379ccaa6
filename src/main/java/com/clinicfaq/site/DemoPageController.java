package com.clinicfaq.site;

import com.clinicfaq.knowledge.CurrentKnowledge;
import com.clinicfaq.knowledge.KnowledgeBase;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A plain practice page with the widget embedded the way a practice would embed it. */
@Controller
class DemoPageController {

    private final CurrentKnowledge current;

    DemoPageController(CurrentKnowledge current) {
        this.current = current;
    }

    /** @param lang "es" shows the widget as on a Spanish page of the practice's site ({@code data-lang}) */
    @GetMapping("/")
    String demo(Model model, @org.springframework.web.bind.annotation.RequestParam(required = false) String lang) {
        model.addAttribute("widgetLang", "es".equals(lang) ? "es" : null);
        KnowledgeBase knowledge = current.knowledge();
        model.addAttribute(
                "pages",
                knowledge.articles().stream()
                        .map(article -> ArticlePage.of(article, knowledge.faqs()))
                        .toList());
        // The chat server is this app, as the visitor's browser reached it.
        model.addAttribute(
                "chatServer",
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return "demo";
    }
}
