package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.Section;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding, changing and deleting a section of an article in the draft. */
@Controller
class SectionController {

    /** The section form as typed: paragraphs separated by blank lines, "- " list items, "> " quotations. */
    record SectionForm(String title, String text) {}

    private static final String ARTICLE = "/staff/knowledge/articles/{article}/sections";

    private final KnowledgeEditor editor;
    private final DraftEdits edits;

    SectionController(KnowledgeEditor editor, DraftEdits edits) {
        this.editor = editor;
        this.edits = edits;
    }

    @GetMapping(ARTICLE + "/new")
    String newSection(@PathVariable String article, Model model) {
        return form(editor.draftKnowledge(), article, null, new SectionForm("", ""), model);
    }

    @GetMapping(ARTICLE + "/{anchor}")
    String section(@PathVariable String article, @PathVariable String anchor, Model model) {
        KnowledgeBase knowledge = editor.draftKnowledge();
        Section section = find(knowledge, article, anchor);
        return form(
                knowledge,
                article,
                section,
                new SectionForm(section.title(), KnowledgeEditor.text(section.blocks())),
                model);
    }

    @PostMapping(ARTICLE)
    String create(
            @PathVariable String article,
            @ModelAttribute SectionForm form,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(article, null, form, by, model, response, redirect);
    }

    @PostMapping(ARTICLE + "/{anchor}")
    String update(
            @PathVariable String article,
            @PathVariable String anchor,
            @ModelAttribute SectionForm form,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(article, anchor, form, by, model, response, redirect);
    }

    @GetMapping(ARTICLE + "/{anchor}/delete")
    String confirmDelete(@PathVariable String article, @PathVariable String anchor, Model model) {
        return confirmation(article, find(editor.draftKnowledge(), article, anchor), model);
    }

    @PostMapping(ARTICLE + "/{anchor}/delete")
    String delete(
            @PathVariable String article,
            @PathVariable String anchor,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Section section = find(editor.draftKnowledge(), article, anchor);
        List<String> problems = edits.apply(new Change.DeleteSection(article, anchor), by);
        if (!problems.isEmpty()) {
            EditingPages.refused(response, model, problems);
            return confirmation(article, section, model);
        }
        redirect.addFlashAttribute("saved", "Deleted the section “" + section.title() + "” from the draft.");
        return "redirect:/staff/knowledge";
    }

    private String save(
            String article,
            String anchor,
            SectionForm form,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> problems = edits.apply(new Change.SaveSection(article, anchor, form.title(), form.text()), by);
        if (!problems.isEmpty()) {
            KnowledgeBase knowledge = editor.draftKnowledge();
            EditingPages.refused(response, model, problems);
            return form(knowledge, article, anchor == null ? null : find(knowledge, article, anchor), form, model);
        }
        redirect.addFlashAttribute("saved", "Saved the section “" + form.title().strip() + "” to the draft.");
        return "redirect:/staff/knowledge";
    }

    private static String form(
            KnowledgeBase knowledge, String articleId, Section section, SectionForm form, Model model) {
        Article article = article(knowledge, articleId);
        model.addAttribute("article", article);
        model.addAttribute("section", section);
        model.addAttribute("title", section == null ? "New section" : "Section: " + section.title());
        model.addAttribute("form", form);
        model.addAttribute("citing", section == null ? List.of() : citing(knowledge, articleId, section.anchor()));
        return "staff/knowledge/section";
    }

    private static String confirmation(String article, Section section, Model model) {
        model.addAttribute("heading", "Delete the section “" + section.title() + "”?");
        model.addAttribute(
                "explanation",
                "It leaves the article in the draft; visitors keep seeing it until the draft is"
                        + " published. A section that FAQs name as their source cannot be deleted until they are moved or deleted.");
        model.addAttribute(
                "action", "/staff/knowledge/articles/" + article + "/sections/" + section.anchor() + "/delete");
        model.addAttribute("cancel", "/staff/knowledge/articles/" + article + "/sections/" + section.anchor());
        return "staff/knowledge/delete";
    }

    private static List<Faq> citing(KnowledgeBase knowledge, String article, String anchor) {
        return knowledge.faqs().stream()
                .filter(f -> f.articleId().equals(article) && f.sectionAnchor().equals(anchor))
                .toList();
    }

    private static Article article(KnowledgeBase knowledge, String id) {
        return knowledge
                .article(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no article '" + id + "' in the draft."));
    }

    private static Section find(KnowledgeBase knowledge, String article, String anchor) {
        return article(knowledge, article).sections().stream()
                .filter(s -> s.anchor().equals(anchor))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no section '" + anchor + "' in the draft."));
    }
}
