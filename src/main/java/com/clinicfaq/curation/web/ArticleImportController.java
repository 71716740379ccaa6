package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.ImportedArticle;
import com.clinicfaq.knowledge.KnowledgeBaseFormatException;
import com.clinicfaq.knowledge.PlainTextArticleImporter;
import com.clinicfaq.knowledge.Section;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing an article from its plain text: the form, a preview of how the importer split it (sections,
 * paragraphs, list items, quotations, the FAQs found, the check questions proposed for it) and whether the draft would
 * take it, then adding it. The
 * text travels from the form through the preview in the page itself and is read again on adding, so what is
 * added is what was previewed.
 */
@Controller
class ArticleImportController {

    /** The import form as typed. */
    record ImportForm(String text, String source, String reviewed, String id, String disclaimer) {

        static ImportForm blank(LocalDate today) {
            return new ImportForm("", "", today.toString(), "", "");
        }
    }

    /** A section as the preview shows it: consecutive list items make one list. */
    record PreviewSection(String title, List<PreviewBlock> blocks) {}

    /** A paragraph, a list (its items) or a quotation. */
    record PreviewBlock(String kind, List<String> texts) {}

    /** The importer's reading of the text, or what stops it. */
    record Reading(ImportedArticle imported, List<String> problems, String quotedLine) {}

    /** Names the pasted text in the importer's messages, which this page turns into "Line n: ...". */
    private static final Path PASTED = Path.of("pasted-text");

    private final KnowledgeEditor editor;
    private final DraftEdits edits;
    private final Clock clock;
    private final PlainTextArticleImporter importer = new PlainTextArticleImporter();

    ArticleImportController(KnowledgeEditor editor, DraftEdits edits, Clock clock) {
        this.editor = editor;
        this.edits = edits;
        this.clock = clock;
    }

    @GetMapping("/staff/knowledge/import")
    String form(Model model) {
        model.addAttribute("form", ImportForm.blank(LocalDate.now(clock)));
        return "staff/knowledge/import";
    }

    /** Back from the preview to the form, with everything as typed. */
    @PostMapping("/staff/knowledge/import/edit")
    String edit(@ModelAttribute("form") ImportForm form) {
        return "staff/knowledge/import";
    }

    @PostMapping("/staff/knowledge/import/preview")
    String preview(@ModelAttribute("form") ImportForm form, Model model, HttpServletResponse response) {
        Reading reading = read(form);
        if (reading.imported() == null) {
            return refusedForm(reading, model, response);
        }
        model.addAttribute("problems", editor.check(new Change.AddArticle(reading.imported())));
        return preview(reading.imported(), model);
    }

    @PostMapping("/staff/knowledge/import")
    String add(
            @ModelAttribute("form") ImportForm form,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Reading reading = read(form);
        if (reading.imported() == null) {
            return refusedForm(reading, model, response);
        }
        List<String> problems = edits.apply(new Change.AddArticle(reading.imported()), by);
        if (!problems.isEmpty()) {
            EditingPages.refused(response, model, problems);
            return preview(reading.imported(), model);
        }
        redirect.addFlashAttribute(
                "saved",
                "Added the article “" + reading.imported().article().title() + "” with "
                        + reading.imported().faqs().size() + " FAQs to the draft.");
        return "redirect:/staff/knowledge";
    }

    private static String preview(ImportedArticle imported, Model model) {
        Article article = imported.article();
        model.addAttribute("article", article);
        model.addAttribute(
                "sections",
                article.sections().stream()
                        .map(ArticleImportController::previewSection)
                        .toList());
        model.addAttribute("faqs", imported.faqs());
        model.addAttribute("checks", imported.proposedChecks());
        model.addAttribute(
                "sectionTitles",
                article.sections().stream().collect(Collectors.toMap(Section::anchor, Section::title)));
        return "staff/knowledge/import-preview";
    }

    private static PreviewSection previewSection(Section section) {
        List<PreviewBlock> blocks = new ArrayList<>();
        for (Block block : section.blocks()) {
            String kind = switch (block.kind()) {
                case PARAGRAPH -> "paragraph";
                case BULLET -> "list";
                case QUOTE -> "quote";
            };
            if (kind.equals("list")
                    && !blocks.isEmpty()
                    && blocks.getLast().kind().equals("list")) {
                blocks.getLast().texts().add(block.text());
            } else {
                blocks.add(new PreviewBlock(kind, new ArrayList<>(List.of(block.text()))));
            }
        }
        return new PreviewSection(section.title(), blocks);
    }

    private static String refusedForm(Reading reading, Model model, HttpServletResponse response) {
        EditingPages.refused(response, model, reading.problems());
        model.addAttribute("quotedLine", reading.quotedLine());
        return "staff/knowledge/import";
    }

    private Reading read(ImportForm form) {
        List<String> problems = new ArrayList<>();
        if (form.text() == null || form.text().isBlank()) {
            problems.add("Paste the article's text.");
        }
        if (form.source() == null || form.source().isBlank()) {
            problems.add("Say where the article was published (the source).");
        }
        LocalDate reviewed = null;
        try {
            reviewed = LocalDate.parse(
                    form.reviewed() == null ? "" : form.reviewed().strip());
        } catch (DateTimeParseException e) {
            problems.add("Give the date a clinician reviewed the article, like 2026-11-27.");
        }
        String id = form.id() == null || form.id().isBlank() ? null : form.id().strip();
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add("An article id is lower-case letters, digits and '-', not '" + id + "'.");
        }
        if (!problems.isEmpty()) {
            return new Reading(null, problems, null);
        }
        var options = new PlainTextArticleImporter.Options(id, form.source().strip(), reviewed, form.disclaimer());
        try {
            var read = importer.parse(PASTED, form.text(), options);
            var others = editor.draftKnowledge().faqs().stream()
                    .filter(faq -> !faq.articleId().equals(read.article().id()))
                    .toList();
            return new Reading(
                    read.withFaqsApartFrom(
                            others.stream()
                                    .map(com.clinicfaq.knowledge.Faq::id)
                                    .collect(java.util.stream.Collectors.toSet()),
                            others.stream()
                                    .flatMap(f -> java.util.stream.Stream.concat(
                                            java.util.stream.Stream.of(f.question()), f.phrasings().stream()))
                                    .toList()),
                    List.of(),
                    null);
        } catch (KnowledgeBaseFormatException e) {
            String problem = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            String message = e.line() > 0 ? "Line " + e.line() + ": " + problem : problem;
            String quoted = EditingPages.quotedLine(e.getMessage(), PASTED.toString(), form.text())
                    .orElse(null);
            return new Reading(null, List.of(message), quoted);
        }
    }
}
