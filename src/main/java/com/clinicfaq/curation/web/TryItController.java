package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.LiveKnowledge;
import com.clinicfaq.search.AnswerEngine;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Try a question: what the bot would answer from the draft beside what it answers from the live version, with
 * the policy's branch and rule, the answer and the scores behind it; as the first message of a conversation or after
 * a few earlier ones (one a line), whose last answer gives the conversation its topic. Nothing is stored and nothing
 * is logged.
 */
@Controller
class TryItController {

    static final int MAX_QUESTION_CHARS = 2000;

    private final KnowledgeEditor editor;
    private final LiveKnowledge live;
    private final AnswerEngine engine;
    private final DraftPreview draftPreview;

    TryItController(KnowledgeEditor editor, LiveKnowledge live, AnswerEngine engine, DraftPreview draftPreview) {
        this.editor = editor;
        this.live = live;
        this.engine = engine;
        this.draftPreview = draftPreview;
    }

    @GetMapping("/staff/knowledge/try")
    String tryIt(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String earlier,
            Model model,
            HttpServletResponse response) {
        String question = q.strip();
        List<String> before = earlier.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        model.addAttribute("q", question);
        model.addAttribute("earlier", String.join("\n", before));
        model.addAttribute("maxEarlier", TryIt.MAX_EARLIER);
        model.addAttribute("maxChars", MAX_QUESTION_CHARS);
        model.addAttribute("liveVersion", live.version());
        boolean hasChanges = editor.hasChanges();
        model.addAttribute("hasChanges", hasChanges);
        if (question.isEmpty()) {
            return "staff/knowledge/try";
        }
        if (question.length() > MAX_QUESTION_CHARS
                || before.stream().anyMatch(line -> line.length() > MAX_QUESTION_CHARS)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "problem", "A message may have at most " + MAX_QUESTION_CHARS + " characters, as in the chat.");
            return "staff/knowledge/try";
        }
        if (before.size() > TryIt.MAX_EARLIER) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "Try at most " + TryIt.MAX_EARLIER + " earlier messages.");
            return "staff/knowledge/try";
        }
        LiveKnowledge.Live current = live.get();
        TryIt fromLive = TryIt.ask(before, question, current.policy(), engine, current.knowledge());
        model.addAttribute("live", fromLive);
        if (!hasChanges) {
            return "staff/knowledge/try";
        }
        try {
            TryIt fromDraft = draftPreview.use(
                    editor.draft().files(),
                    preview -> TryIt.ask(
                            before,
                            question,
                            preview.policy(),
                            preview.engine(),
                            preview.parsed().knowledge()));
            model.addAttribute("draft", fromDraft);
            model.addAttribute("same", fromDraft.saysTheSameAs(fromLive));
        } catch (KnowledgeFiles.Invalid e) {
            model.addAttribute("draftProblem", e.getMessage());
        }
        return "staff/knowledge/try";
    }
}
