package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The synonyms, the out-of-scope topics and the safety rules, each edited as its whole file. A file that does not
 * read is refused with the reader's message (file and line) and the line it names.
 */
@Controller
class FileEditorController {

    private final KnowledgeEditor editor;
    private final DraftEdits edits;

    FileEditorController(KnowledgeEditor editor, DraftEdits edits) {
        this.editor = editor;
        this.edits = edits;
    }

    @GetMapping("/staff/knowledge/files/{name}")
    String file(@PathVariable String name, Model model) {
        EditableFile file = named(name);
        return form(file, editor.draft().files().files().getOrDefault(file.path(), ""), model);
    }

    @PostMapping("/staff/knowledge/files/{name}")
    String save(
            @PathVariable String name,
            @RequestParam(defaultValue = "") String content,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EditableFile file = named(name);
        List<String> problems = edits.apply(new Change.SaveFile(file.path(), content), by);
        if (!problems.isEmpty()) {
            EditingPages.refused(response, model, problems);
            model.addAttribute(
                    "quotedLine",
                    EditingPages.quotedLine(problems.getFirst(), file.path(), content)
                            .orElse(null));
            return form(file, content, model);
        }
        redirect.addFlashAttribute("saved", "Saved " + file.path() + " to the draft.");
        return "redirect:/staff/knowledge";
    }

    private static String form(EditableFile file, String content, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("content", content);
        return "staff/knowledge/file";
    }

    private static EditableFile named(String name) {
        return EditableFile.named(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such file."));
    }
}
