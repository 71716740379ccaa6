package com.clinicfaq.curation.web;

import com.clinicfaq.audit.AuditLog;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.UnansweredQuestions;
import com.clinicfaq.curation.UnansweredQuestions.Fix;
import com.clinicfaq.curation.UnansweredQuestions.Group;
import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.Section;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unanswered-questions page for editors: what visitors asked that the bot missed, in the parts of
 * {@link UnansweredQuestions.Section} (not answered, answers visitors did not take, failed turns, declined as out of
 * scope), grouped by meaning, each group with what the bot answered and the fixes that fit it. Visitors' words are shown
 * normalised with contact details masked, and never with a link to their conversation. Like the editing pages
 * ({@link EditingPages}) it has no script and no inline style.
 */
@Controller
@RequestMapping("/staff/knowledge/unanswered")
class UnansweredController {

    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    static final int DEFAULT_DAYS = 30;
    /** Groups shown of each part of the page, most asked first; the rest wait until these are answered. */
    static final int SHOWN = 30;

    /** A part of the page: its groups shown, and how many it has. */
    record Part(UnansweredQuestions.Section section, List<Group> groups, int total) {}

    /** An article with its FAQs and sections, for the fixes' selects. */
    record ArticleChoices(Article article, List<Faq> faqs) {}

    /** The section a group's new FAQ is to be answered from, shown beside the form. */
    record ChosenSection(Article article, Section section) {}

    /** Why a fix of a group was not published, with what the editor typed, to show it again. */
    record Result(String key, String action, boolean inDraft, List<String> problems, Map<String, String> values) {}

    private final UnansweredQuestions unanswered;
    private final KnowledgeEditor editor;
    private final AuditLog audit;

    UnansweredController(UnansweredQuestions unanswered, KnowledgeEditor editor, AuditLog audit) {
        this.unanswered = unanswered;
        this.editor = editor;
        this.audit = audit;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "" + DEFAULT_DAYS) int days, Model model) {
        return show(days, null, model);
    }

    @PostMapping("/phrasing")
    String addPhrasing(
            @RequestParam int days,
            @RequestParam String key,
            @RequestParam String faqId,
            @RequestParam String phrasing,
            Authentication user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        checkPeriod(days);
        String wording = wording(days, key).orElse(phrasing);
        // the visitor's question becomes a check question of the FAQ's article (issue #20)
        Fix fix = editor.fixingVisitorQuestion(
                wording, () -> unanswered.addPhrasing(faqId, phrasing, wording, user.getName()));
        String detail = "Unanswered question added as a way of asking FAQ " + faqId;
        return done(
                fix,
                detail,
                "Added to FAQ “" + faqId + "” and published",
                days,
                model,
                redirect,
                response,
                new Result(key, "phrasing", false, List.of(), Map.of("faqId", faqId, "phrasing", phrasing)),
                user);
    }

    @PostMapping("/faq")
    String newFaq(
            @RequestParam int days,
            @RequestParam String key,
            @RequestParam String source,
            @RequestParam String question,
            @RequestParam String answer,
            Authentication user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        checkPeriod(days);
        String[] articleAndSection = source.split("#", 2);
        String wording = wording(days, key).orElse(null);
        Fix fix = editor.fixingVisitorQuestion(
                wording,
                () -> unanswered.newFaq(
                        articleAndSection[0],
                        articleAndSection.length > 1 ? articleAndSection[1] : "",
                        question,
                        answer,
                        wording,
                        user.getName()));
        String detail = "New FAQ from an unanswered question, answered from " + source;
        return done(
                fix,
                detail,
                "New FAQ published",
                days,
                model,
                redirect,
                response,
                new Result(
                        key, "faq", false, List.of(), Map.of("source", source, "question", question, "answer", answer)),
                user);
    }

    @PostMapping("/dismiss")
    String dismiss(@RequestParam int days, @RequestParam String key, Authentication user, RedirectAttributes redirect) {
        checkPeriod(days);
        Optional<Group> group = group(days, key);
        if (group.isEmpty()) {
            redirect.addFlashAttribute("notice", "That question is no longer listed: nothing was dismissed.");
        } else {
            unanswered.dismiss(group.get(), user.getName());
            audit.record(
                    user.getName(),
                    "UNANSWERED_DISMISSED",
                    "Dismissed a group of " + group.get().texts().size() + " unanswered question wordings (asked "
                            + group.get().count() + " times)");
            redirect.addFlashAttribute("notice", "Dismissed: “" + group.get().question() + "” is no longer listed.");
        }
        return "redirect:/staff/knowledge/unanswered?days=" + days;
    }

    private String done(
            Fix fix,
            String detail,
            String published,
            int days,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Result submitted,
            Authentication user) {
        return switch (fix) {
            case Fix.Published p -> {
                audit.record(user.getName(), "KNOWLEDGE_EDITED", detail + "; published version " + p.version());
                redirect.addFlashAttribute(
                        "notice",
                        published + " (version " + p.version() + "). "
                                + (p.answersWording()
                                        ? "The bot answers it now."
                                        : "The bot does not answer the visitor's question with it yet: try it, and add the visitor's words as a way of asking it."));
                yield "redirect:/staff/knowledge/unanswered?days=" + days;
            }
            case Fix.InDraft d -> {
                audit.record(user.getName(), "KNOWLEDGE_EDITED", detail + "; in the draft, not published");
                yield show(
                        days,
                        new Result(submitted.key(), submitted.action(), true, d.problems(), submitted.values()),
                        model);
            }
            case Fix.Refused r -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                yield show(
                        days,
                        new Result(submitted.key(), submitted.action(), false, r.problems(), submitted.values()),
                        model);
            }
        };
    }

    private String show(int days, Result result, Model model) {
        checkPeriod(days);
        LocalDate to = unanswered.today();
        List<Group> groups = unanswered.list(from(days, to), to);
        KnowledgeBase draft = editor.draftKnowledge();
        Map<String, List<Faq>> faqs = KnowledgeEditor.faqsByArticle(draft);
        model.addAttribute("days", days);
        model.addAttribute("periods", PERIODS);
        List<Part> parts = java.util.Arrays.stream(UnansweredQuestions.Section.values())
                .map(section -> {
                    List<Group> of =
                            groups.stream().filter(g -> g.section() == section).toList();
                    return new Part(section, of.subList(0, Math.min(SHOWN, of.size())), of.size());
                })
                .toList();
        List<Group> shown = parts.stream().flatMap(p -> p.groups().stream()).toList();
        model.addAttribute("parts", parts);
        model.addAttribute("sections", chosenSections(shown, result, draft));
        model.addAttribute("total", groups.size());
        model.addAttribute(
                "articles",
                draft.articles().stream()
                        .map(a -> new ArticleChoices(a, faqs.getOrDefault(a.id(), List.of())))
                        .toList());
        model.addAttribute("draftPending", editor.hasChanges());
        model.addAttribute("result", result);
        return "staff/knowledge/unanswered";
    }

    /**
     * Each group's chosen section, by group key: the one the editor submitted when the page shows a new FAQ again,
     * else the one preselected; groups with none chosen are left out.
     */
    private static Map<String, ChosenSection> chosenSections(List<Group> groups, Result result, KnowledgeBase draft) {
        Map<String, ChosenSection> chosen = new java.util.HashMap<>();
        for (Group g : groups) {
            String source = result != null
                            && result.key().equals(g.key())
                            && result.action().equals("faq")
                    ? result.values().get("source")
                    : g.source();
            String[] articleAndSection = source.split("#", 2);
            draft.article(articleAndSection[0])
                    .ifPresent(a -> a.sections().stream()
                            .filter(s ->
                                    articleAndSection.length > 1 && s.anchor().equals(articleAndSection[1]))
                            .findFirst()
                            .ifPresent(s -> chosen.put(g.key(), new ChosenSection(a, s))));
        }
        return chosen;
    }

    /** The listed group {@code key} names. */
    private Optional<Group> group(int days, String key) {
        LocalDate to = unanswered.today();
        return unanswered.find(from(days, to), to, key);
    }

    /** The visitor's wording of the group a fix is for, while it is listed. */
    private Optional<String> wording(int days, String key) {
        return group(days, key).map(Group::question);
    }

    private static void checkPeriod(int days) {
        if (!PERIODS.contains(days)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose one of " + PERIODS + " days.");
        }
    }

    private static LocalDate from(int days, LocalDate to) {
        return to.minusDays(days - 1);
    }
}
