package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.KnowledgeVersions;
import com.clinicfaq.curation.LiveKnowledge;
import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The knowledge base as the draft has it: its state, its FAQs (searchable) and articles, and where to edit them. */
@Controller
class KnowledgeConsoleController {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Where the draft stands against what is live. */
    record DraftState(boolean changed, long baseVersion, long liveVersion, String by, String at) {

        /** Someone published since the draft was started: publishing it would undo that. */
        public boolean behind() {
            return baseVersion < liveVersion;
        }
    }

    /** An article with its FAQs (those matching the search, when there is one). */
    record ArticleFaqs(Article article, List<Faq> faqs) {}

    private final KnowledgeEditor editor;
    private final LiveKnowledge live;
    private final KnowledgePublisher publisher;

    KnowledgeConsoleController(KnowledgeEditor editor, LiveKnowledge live, KnowledgePublisher publisher) {
        this.editor = editor;
        this.live = live;
        this.publisher = publisher;
    }

    @GetMapping("/staff/knowledge")
    String overview(@RequestParam(required = false) String q, Model model) {
        KnowledgeVersions.Draft draft = editor.draft();
        boolean changed = editor.hasChanges();
        model.addAttribute(
                "state",
                new DraftState(
                        changed, draft.baseVersion(), live.version(), draft.updatedBy(), when(draft.updatedAt())));
        KnowledgeFiles.Parsed parsed = draft.files().parse();
        KnowledgeBase knowledge = parsed.knowledge();
        model.addAttribute(
                "checkCounts",
                parsed.checks().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().size())));
        String search = q == null ? "" : q.strip();
        Set<Faq> matching = new HashSet<>(KnowledgeEditor.search(knowledge, search));
        Map<String, List<Faq>> byArticle = KnowledgeEditor.faqsByArticle(knowledge);
        model.addAttribute("q", search);
        model.addAttribute("matches", matching.size());
        model.addAttribute("faqCount", knowledge.faqs().size());
        model.addAttribute(
                "groups",
                knowledge.articles().stream()
                        .map(a -> new ArticleFaqs(
                                a,
                                byArticle.getOrDefault(a.id(), List.of()).stream()
                                        .filter(matching::contains)
                                        .toList()))
                        .toList());
        model.addAttribute("files", EditableFile.ALL);
        model.addAttribute(
                "translations",
                knowledge.translations().stream()
                        .map(t -> TranslationRow.of(t, knowledge))
                        .toList());
        model.addAttribute(
                "untranslated",
                knowledge.articles().stream()
                        .filter(a -> knowledge.translations().stream()
                                .noneMatch(t -> t.articleId().equals(a.id())
                                        && t.language().equals("es")))
                        .toList());
        model.addAttribute("folderProblem", publisher.folderProblem());
        return "staff/knowledge/overview";
    }

    /** A translation as the overview lists it: how much of its article it covers, and whether staff reviewed it. */
    record TranslationRow(
            String name,
            String articleId,
            String articleTitle,
            String language,
            java.time.LocalDate reviewed,
            int sections,
            int allSections,
            int faqs,
            int allFaqs) {

        static TranslationRow of(com.clinicfaq.knowledge.Translation t, KnowledgeBase knowledge) {
            var article = knowledge.article(t.articleId()).orElseThrow();
            return new TranslationRow(
                    EditableFile.translationName(t.articleId(), t.language()),
                    t.articleId(),
                    article.title(),
                    t.language(),
                    t.reviewed(),
                    t.sections().size(),
                    article.sections().size(),
                    t.faqs().size(),
                    (int) knowledge.faqs().stream()
                            .filter(f -> f.articleId().equals(t.articleId()))
                            .count());
        }
    }

    private static String when(Instant at) {
        return at == null ? null : WHEN.format(at);
    }
}
