package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.CheckQuestion;
import com.clinicfaq.knowledge.CheckQuestions;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.Section;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * An article's check questions in the draft: the list, and adding, changing and deleting one, like the other edits of
 * the draft (published with it, through the safety net, which asks them). A question is named in the URL by its place
 * in the list and in the form by its words, so that a question someone changed meanwhile is not changed blindly.
 */
@Controller
class CheckQuestionsController {

    private static final String CHECKS = "/staff/knowledge/articles/{article}/checks";

    /** A check question as the list shows it: its place, its words, its right answers in words, where it came from. */
    record Row(int number, CheckQuestion check, List<Expected> expected, String origin) {}

    /**
     * A right answer in words.
     *
     * @param known whether the draft has the FAQ or section it names
     */
    record Expected(String value, String label, boolean known) {}

    /** An answer the form offers, among those of a group (the article's FAQs, its sections). */
    record Choice(String value, String label, boolean selected) {}

    record ChoiceGroup(String label, List<Choice> choices) {}

    private final KnowledgeEditor editor;
    private final DraftEdits edits;

    CheckQuestionsController(KnowledgeEditor editor, DraftEdits edits) {
        this.editor = editor;
        this.edits = edits;
    }

    @GetMapping(CHECKS)
    String list(@PathVariable String article, Model model) {
        KnowledgeFiles.Parsed draft = editor.draft().files().parse();
        Article found = article(draft.knowledge(), article);
        List<CheckQuestion> checks = draft.checks(article);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            CheckQuestion check = checks.get(i);
            rows.add(new Row(
                    i + 1,
                    check,
                    check.expected().stream()
                            .map(e -> expected(draft.knowledge(), found, e))
                            .toList(),
                    origin(check.origin())));
        }
        model.addAttribute("article", found);
        model.addAttribute("rows", rows);
        model.addAttribute("path", CheckQuestions.path(article));
        model.addAttribute(
                "proposable",
                KnowledgeEditor.proposable(draft.knowledge(), found, checks).size());
        return "staff/knowledge/checks";
    }

    @GetMapping(CHECKS + "/new")
    String newCheck(@PathVariable String article, Model model) {
        return form(editor.draftKnowledge(), article, null, "", List.of(), model);
    }

    @GetMapping(CHECKS + "/{number}")
    String check(@PathVariable String article, @PathVariable int number, Model model) {
        KnowledgeFiles.Parsed draft = editor.draft().files().parse();
        CheckQuestion check = find(draft, article, number);
        return form(
                draft.knowledge(),
                article,
                new Numbered(number, check.question()),
                check.question(),
                check.expected(),
                model);
    }

    @PostMapping(CHECKS)
    String create(
            @PathVariable String article,
            @RequestParam(defaultValue = "") String question,
            @RequestParam(required = false) List<String> expected,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(article, null, question, expected, by, model, response, redirect);
    }

    @PostMapping(CHECKS + "/{number}")
    String update(
            @PathVariable String article,
            @PathVariable int number,
            @RequestParam String was,
            @RequestParam(defaultValue = "") String question,
            @RequestParam(required = false) List<String> expected,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(article, new Numbered(number, was), question, expected, by, model, response, redirect);
    }

    @GetMapping(CHECKS + "/{number}/delete")
    String confirmDelete(@PathVariable String article, @PathVariable int number, Model model) {
        return confirmation(
                article,
                number,
                find(editor.draft().files().parse(), article, number).question(),
                model);
    }

    @PostMapping(CHECKS + "/{number}/delete")
    String delete(
            @PathVariable String article,
            @PathVariable int number,
            @RequestParam String was,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> problems = edits.apply(new Change.DeleteCheck(article, was), by);
        if (!problems.isEmpty()) {
            EditingPages.refused(response, model, problems);
            return confirmation(article, number, was, model);
        }
        redirect.addFlashAttribute("saved", "Deleted the check question “" + was + "” from the draft.");
        return "redirect:/staff/knowledge/articles/" + article + "/checks";
    }

    /** Adds the check questions the importer would propose that the article lacks: its FAQs', its headings'. */
    @PostMapping(CHECKS + "/propose")
    String propose(@PathVariable String article, Principal by, RedirectAttributes redirect) {
        int before = editor.draft().files().parse().checks(article).size();
        List<String> problems = edits.apply(new Change.ProposeChecks(article), by);
        int added = editor.draft().files().parse().checks(article).size() - before;
        redirect.addFlashAttribute(
                problems.isEmpty() ? "saved" : "notice",
                problems.isEmpty()
                        ? (added == 1
                                ? "Added 1 check question to the draft."
                                : "Added " + added + " check questions to the draft.")
                        : String.join(" ", problems));
        return "redirect:/staff/knowledge/articles/" + article + "/checks";
    }

    /** A check question being edited: its place in the list, and its words as the page showed them. */
    record Numbered(int number, String was) {}

    private String save(
            String article,
            Numbered was,
            String question,
            List<String> expected,
            Principal by,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> chosen = expected == null ? List.of() : expected;
        List<String> problems =
                edits.apply(new Change.SaveCheck(article, was == null ? null : was.was(), question, chosen), by);
        if (!problems.isEmpty()) {
            EditingPages.refused(response, model, problems);
            return form(editor.draftKnowledge(), article, was, question, chosen, model);
        }
        redirect.addFlashAttribute("saved", "Saved the check question “" + question.strip() + "” to the draft.");
        return "redirect:/staff/knowledge/articles/" + article + "/checks";
    }

    private String form(
            KnowledgeBase knowledge,
            String articleId,
            Numbered check,
            String question,
            List<String> expected,
            Model model) {
        Article article = article(knowledge, articleId);
        model.addAttribute("article", article);
        model.addAttribute("check", check);
        model.addAttribute("title", check == null ? "New check question" : "Check question " + check.number());
        model.addAttribute("question", question);
        model.addAttribute("groups", choices(knowledge, article, expected));
        return "staff/knowledge/check";
    }

    private String confirmation(String article, int number, String question, Model model) {
        model.addAttribute("heading", "Delete the check question “" + question + "”?");
        model.addAttribute(
                "explanation",
                "The safety net stops asking it once the draft is published: a change that answers it"
                        + " otherwise will no longer be named.");
        model.addAttribute("action", "/staff/knowledge/articles/" + article + "/checks/" + number + "/delete");
        model.addAttribute("cancel", "/staff/knowledge/articles/" + article + "/checks");
        model.addAttribute("was", question);
        return "staff/knowledge/delete";
    }

    /** What the form offers: declining, the article's FAQs, its sections, and any other answer already chosen. */
    private static List<ChoiceGroup> choices(KnowledgeBase knowledge, Article article, List<String> expected) {
        Set<String> offered = new LinkedHashSet<>();
        List<ChoiceGroup> groups = new ArrayList<>();
        List<Choice> faqs = new ArrayList<>();
        for (Faq faq : knowledge.faqs()) {
            if (faq.articleId().equals(article.id())) {
                faqs.add(new Choice(faq.id(), faq.question(), expected.contains(faq.id())));
                offered.add(faq.id());
            }
        }
        List<Choice> sections = new ArrayList<>();
        for (Section section : article.sections()) {
            String value = CheckQuestion.section(section.anchor());
            sections.add(new Choice(value, section.title(), expected.contains(value)));
            offered.add(value);
        }
        offered.add(CheckQuestion.DECLINED);
        groups.add(new ChoiceGroup(
                "The bot should not answer it",
                List.of(new Choice(
                        CheckQuestion.DECLINED,
                        "Declined: it says it does not know, or that the topic is not covered",
                        expected.contains(CheckQuestion.DECLINED)))));
        groups.add(new ChoiceGroup("An FAQ of the article", faqs));
        groups.add(new ChoiceGroup("Any answer from a section of the article", sections));
        List<Choice> others = expected.stream()
                .filter(e -> !offered.contains(e))
                .map(e -> new Choice(e, expected(knowledge, article, e).label(), true))
                .toList();
        if (!others.isEmpty()) {
            groups.add(new ChoiceGroup("Chosen before", others));
        }
        return groups;
    }

    private static Expected expected(KnowledgeBase knowledge, Article article, String value) {
        if (value.equals(CheckQuestion.DECLINED)) {
            return new Expected(value, "Declined", true);
        }
        String anchor = CheckQuestion.sectionOf(value);
        if (anchor != null) {
            Optional<Section> section = article.sections().stream()
                    .filter(s -> s.anchor().equals(anchor))
                    .findFirst();
            return section.map(s -> new Expected(value, "The section “" + s.title() + "”", true))
                    .orElseGet(() ->
                            new Expected(value, "The section " + value + ", which the article does not have", false));
        }
        return knowledge.faqs().stream()
                .filter(f -> f.id().equals(value))
                .findFirst()
                .map(f -> new Expected(
                        value,
                        "The FAQ “" + f.question() + "”"
                                + (f.articleId().equals(article.id()) ? "" : " (of another article)"),
                        true))
                .orElseGet(() -> new Expected(value, "The FAQ " + value + ", which the draft does not have", false));
    }

    private static String origin(CheckQuestion.Origin origin) {
        return switch (origin) {
            case IMPORT -> "proposed at import";
            case EDITOR -> "an editor's";
            case VISITOR -> "a visitor's question, fixed";
        };
    }

    private static CheckQuestion find(KnowledgeFiles.Parsed draft, String article, int number) {
        article(draft.knowledge(), article);
        List<CheckQuestion> checks = draft.checks(article);
        if (number < 1 || number > checks.size()) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "The article has no check question " + number + " in the draft.");
        }
        return checks.get(number - 1);
    }

    private static Article article(KnowledgeBase knowledge, String id) {
        return knowledge
                .article(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no article '" + id + "' in the draft."));
    }
}
