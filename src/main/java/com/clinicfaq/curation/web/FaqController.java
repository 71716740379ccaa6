package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
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

/** Adding, changing and deleting an FAQ of the draft. A refused change shows the form again as it was typed. */
@Controller
class FaqController {

    private final KnowledgeEditor editor;
    private final DraftEdits edits;

    FaqController(KnowledgeEditor editor, DraftEdits edits) {
        this.editor = editor;
        this.edits = edits;
    }

    @GetMapping("/staff/knowledge/faqs/new")
    String newFaq(Model model) {
        return form(editor.draftKnowledge(), null, FaqForm.blank(), model);
    }

    @GetMapping("/staff/knowledge/faqs/{id}")
    String faq(@PathVariable String id, Model model) {
        KnowledgeBase knowledge = editor.draftKnowledge();
        Faq faq = find(knowledge, id);
        return form(knowledge, faq, FaqForm.of(faq), model);
    }

    @PostMapping("/staff/knowledge/faqs")
    String create(
            @ModelAttribute FaqForm form,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(null, form, by, model, response, redirect);
    }

    @PostMapping("/staff/knowledge/faqs/{id}")
    String update(
            @PathVariable String id,
            @ModelAttribute FaqForm form,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(id, form, by, model, response, redirect);
    }

    @GetMapping("/staff/knowledge/faqs/{id}/delete")
    String confirmDelete(@PathVariable String id, Model model) {
        return confirmation(find(editor.draftKnowledge(), id), model);
    }

    @PostMapping("/staff/knowledge/faqs/{id}/delete")
    String delete(
            @PathVariable String id,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Faq faq = find(editor.draftKnowledge(), id);
        List<String> problems = edits.apply(new Change.DeleteFaq(id), by);
        if (!problems.isEmpty()) {
            EditingPages.refused(response, model, problems);
            return confirmation(faq, model);
        }
        redirect.addFlashAttribute("saved", "Deleted the FAQ “" + faq.question() + "” from the draft.");
        return "redirect:/staff/knowledge";
    }

    private String save(
            String id,
            FaqForm form,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> problems = edits.apply(form.change(id), by);
        if (!problems.isEmpty()) {
            KnowledgeBase knowledge = editor.draftKnowledge();
            EditingPages.refused(response, model, problems);
            return form(knowledge, id == null ? null : find(knowledge, id), form, model);
        }
        redirect.addFlashAttribute("saved", "Saved the FAQ “" + form.question().strip() + "” to the draft.");
        return "redirect:/staff/knowledge";
    }

    private static String form(KnowledgeBase knowledge, Faq faq, FaqForm form, Model model) {
        model.addAttribute("faq", faq);
        model.addAttribute("title", faq == null ? "New FAQ" : "FAQ: " + faq.question());
        model.addAttribute("form", form);
        model.addAttribute("articles", knowledge.articles());
        return "staff/knowledge/faq";
    }

    private static String confirmation(Faq faq, Model model) {
        model.addAttribute("heading", "Delete the FAQ “" + faq.question() + "”?");
        model.addAttribute(
                "explanation",
                "It leaves the draft with its " + faq.phrasings().size()
                        + " other phrasings; visitors keep getting it until the draft is published.");
        model.addAttribute("action", "/staff/knowledge/faqs/" + faq.id() + "/delete");
        model.addAttribute("cancel", "/staff/knowledge/faqs/" + faq.id());
        return "staff/knowledge/delete";
    }

    static Faq find(KnowledgeBase knowledge, String id) {
        return knowledge.faqs().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no FAQ '" + id + "' in the draft."));
    }
}
