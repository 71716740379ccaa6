package com.clinicfaq.curation;

import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.curation.KnowledgeEditor.Edited;
import com.clinicfaq.curation.MissedQuestions.Missed;
import com.clinicfaq.curation.MissedQuestions.Reason;
import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.Explanation;
import com.clinicfaq.search.QuestionGroups;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The loop from what visitors asked to what the bot answers: the questions it missed over some days that the
 * live knowledge base still does not answer, grouped by meaning, and the one-step fixes an editor makes to
 * each group (another way of asking an existing FAQ, or a new FAQ), applied to the draft and published at once.
 */
@Service
public class UnansweredQuestions {

    /** The published version's comment for a fix made here. */
    public static final String COMMENT = "Answered an unanswered question";
    static final int EXAMPLES = 5;
    /** The engine's candidates weighed to place a question: all it considers. */
    private static final int WEIGHED = 100;

    /**
     * Visitors' words that mean the same, as one question to answer.
     *
     * @param key names the group between the page and its forms (a hash of its question)
     * @param question the group's most asked wording, its representative
     * @param count how many times its questions were missed
     * @param examples its most asked wordings, the representative first, at most {@value #EXAMPLES}
     * @param closestFaq the draft's FAQ the engine thinks closest among those of the article the question is about
     *     ({@link #articleOf}), if any
     * @param source the section of that article the engine thinks closest, as {@code article#anchor}, or "" when the
     *     question's article is not known
     * @param texts all its wordings, normalised and masked
     * @param unhelpfulAnswers the answers visitors said did not help, as the bot gave them (issue #19)
     */
    public record Group(String key, String question, int count, Set<Reason> reasons, List<String> examples,
            LocalDate lastAsked, Optional<Faq> closestFaq, String source, List<String> texts, List<String> unhelpfulAnswers) {

        /** The question as a FAQ would put it: "how soon am i back on my feet" → "How soon am I back on my feet?" */
        public String asFaqQuestion() {
            String text = question.replaceAll("\\bi\\b", "I");
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
            return text.matches(".*[?.!…]$") ? text : text + "?";
        }

        public String reasonLabels() {
            return String.join(", ", reasons.stream().map(Reason::label).toList());
        }
    }

    /** What became of a fix. */
    public sealed interface Fix {
        /**
         * In force.
         *
         * @param answersWording the live engine now answers the visitor's wording with the fixed FAQ, as confidently as
         *     counts as answered; only then does the bot answer the question
         */
        record Published(long version, boolean answersWording) implements Fix {}

        /** Saved in the draft but not published, for review on the publish page; why. */
        record InDraft(List<String> problems) implements Fix {}

        /** Not made at all: the draft is as it was; why. */
        record Refused(List<String> problems) implements Fix {}
    }

    private final MissedQuestions missed;
    private final AnswerEngine engine;
    private final QuestionGroups questionGroups;
    private final KnowledgeEditor editor;
    private final Dismissals dismissals;
    private final SafetyMisses safetyMisses;
    private final Clock clock;

    UnansweredQuestions(MissedQuestions missed, AnswerEngine engine, QuestionGroups questionGroups, KnowledgeEditor editor,
            Dismissals dismissals, SafetyMisses safetyMisses, Clock clock) {
        this.missed = missed;
        this.engine = engine;
        this.questionGroups = questionGroups;
        this.editor = editor;
        this.dismissals = dismissals;
        this.safetyMisses = safetyMisses;
        this.clock = clock;
    }

    /** Today, on the calendar the stored days use (the server's). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    /**
     * The groups of questions missed from {@code from} to {@code to} (whole days), most missed first: without
     * the questions the live knowledge base now answers well enough or declines on purpose, without those
     * dismissed, and without the messages the live policy now gives urgent guidance: those are safety misses, for
     * clinical review ({@link SafetyMisses}), not content to write.
     */
    public List<Group> list(LocalDate from, LocalDate to) {
        Set<String> dismissed = dismissals.hashes();
        List<Missed> open = missed.between(Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(to.plusDays(1).atStartOfDay()), false)
                .stream()
                .filter(m -> !dismissed.contains(Dismissals.hash(m.text())))
                .filter(m -> safetyMisses.emergencyNow(m.text()).isEmpty())
                .filter(m -> !answeredNow(m.text()) || stillGivenAnswerThatDidNotHelp(m))
                .toList();
        KnowledgeBase draft = editor.draftKnowledge();
        return questionGroups.group(open.stream().map(Missed::text).toList(), QuestionGroups.SAME_QUESTION).stream()
                .map(indexes -> group(indexes.stream().map(open::get).toList(), draft))
                .sorted(Comparator.comparingInt(Group::count).reversed().thenComparing(Group::lastAsked, Comparator.reverseOrder()))
                .toList();
    }

    /** The live engine answers it as confidently as counts as answered, or declines it as out of scope. */
    private boolean answeredNow(String text) {
        return switch (engine.answer(text)) {
            case Answer.Found found -> found.confidence() >= missed.lowConfidence();
            case Answer.OutOfScope outOfScope -> true;
            case Answer.Unknown unknown -> false;
            case Answer.Ambiguous ambiguous -> true; // the visitor is asked which procedure, and then answered
        };
    }

    /**
     * A visitor said the answer did not help, and the live engine still gives that answer: the bot is confident, and
     * wrong, until an editor fixes it.
     */
    private boolean stillGivenAnswerThatDidNotHelp(Missed missed) {
        return !missed.unhelpful().isEmpty() && engine.answer(missed.text()) instanceof Answer.Found found
                && missed.unhelpful().containsKey(found.itemId());
    }

    private Group group(List<Missed> members, KnowledgeBase draft) {
        String question = members.getFirst().text();
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        members.forEach(m -> reasons.addAll(m.reasons()));
        Instant last = members.stream().map(Missed::lastAsked).max(Comparator.naturalOrder()).orElseThrow();
        List<Explanation.Weighed> candidates = engine.explain(question, WEIGHED).candidates();
        Optional<String> article = articleOf(question, candidates, draft);
        List<Explanation.Weighed> ofArticle = candidates.stream()
                .filter(c -> c.source() != null && article.isPresent() && c.source().articleId().equals(article.get()))
                .toList();
        Optional<Faq> closest = ofArticle.stream()
                .filter(c -> c.kind() == Explanation.Kind.FAQ)
                .flatMap(c -> draft.faqs().stream().filter(f -> f.id().equals(c.itemId())))
                .findFirst();
        String source = ofArticle.stream()
                .map(Explanation.Weighed::source)
                .filter(s -> draft.article(s.articleId()).stream().flatMap(a -> a.sections().stream()).anyMatch(x -> x.anchor().equals(s.anchor())))
                .map(s -> s.articleId() + "#" + s.anchor())
                .findFirst()
                .orElse("");
        List<String> texts = members.stream().map(Missed::text).toList();
        return new Group(Dismissals.hash(question).substring(0, 16), question, members.stream().mapToInt(Missed::count).sum(),
                Collections.unmodifiableSet(reasons), texts.subList(0, Math.min(EXAMPLES, texts.size())),
                LocalDate.ofInstant(last, ZoneId.systemDefault()), closest, source, texts,
                members.stream().flatMap(m -> m.unhelpful().values().stream()).distinct().toList());
    }

    /**
     * The article a question is about: the knowledge base's only article, or the one whose procedure the question
     * names; empty when it names none of several. The engine keeps a question that names a procedure to that
     * procedure's article whatever the conversation's topic, and scopes one that names none to the topic: so the
     * question is taken to name article X when its candidates all come from X, also with another article as topic.
     */
    private Optional<String> articleOf(String question, List<Explanation.Weighed> candidates, KnowledgeBase draft) {
        if (draft.articles().size() == 1) {
            return Optional.of(draft.articles().getFirst().id());
        }
        Set<String> among = articlesOf(candidates);
        if (among.size() != 1) {
            return Optional.empty();
        }
        String article = among.iterator().next();
        return draft.articles().stream()
                .map(Article::id)
                .filter(id -> !id.equals(article))
                .findFirst()
                .filter(other -> articlesOf(engine.explain(question, other, WEIGHED).candidates()).equals(among))
                .map(other -> article);
    }

    private static Set<String> articlesOf(List<Explanation.Weighed> candidates) {
        return candidates.stream()
                .map(Explanation.Weighed::source)
                .filter(java.util.Objects::nonNull)
                .map(Answer.Source::articleId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Adds {@code phrasing} as another way of asking the FAQ, and publishes it.
     *
     * @param wording the visitor's wording the fix is for, checked against the live engine once published
     */
    public Fix addPhrasing(String faqId, String phrasing, String wording, String by) {
        return applyAndPublish(new Change.AddPhrasing(faqId, phrasing), faqId, wording, by);
    }

    /**
     * A new FAQ answered from a section of an article, published. The visitor's wording stays one of its
     * phrasings whatever the editor made of the question (unless it is the same question).
     *
     * @param wording the visitor's wording the fix is for, or null when the group is no longer listed
     */
    public Fix newFaq(String articleId, String sectionAnchor, String question, String answer, String wording, String by) {
        List<String> phrasings = wording == null || wording.isBlank() ? List.of() : List.of(wording);
        return applyAndPublish(new Change.SaveFaq(null, articleId, question, phrasings, answer, sectionAnchor), null, wording, by);
    }

    /** The group of those listed from {@code from} to {@code to} that {@code key} names. */
    public Optional<Group> find(LocalDate from, LocalDate to, String key) {
        return list(from, to).stream().filter(g -> g.key().equals(key)).findFirst();
    }

    /** Stops listing the group's questions: not worth answering. */
    public void dismiss(Group group, String by) {
        dismissals.dismiss(group.texts(), by, clock.instant());
    }

    /**
     * One step: the change goes into the draft and the draft is published. When the draft already held changes
     * nobody has published, they are not published along unseen: the fix waits in the draft with them.
     * Synchronised so that two fixes made here at once do not publish each other half-way.
     */
    private synchronized Fix applyAndPublish(Change change, String faqId, String wording, String by) {
        boolean othersPending = editor.hasChanges();
        Set<String> before = faqIds();
        if (editor.apply(change, by) instanceof Edited.Refused refused) {
            return new Fix.Refused(refused.problems());
        }
        String fixed = faqId != null ? faqId : faqIds().stream().filter(id -> !before.contains(id)).findFirst().orElse(null);
        if (othersPending) {
            return new Fix.InDraft(List.of("The draft already held changes that are not published yet, so this one was added to"
                    + " them and not published on its own: review and publish the draft together."));
        }
        return switch (editor.publish(by, COMMENT, false)) {
            case KnowledgePublisher.Outcome.Published published ->
                    new Fix.Published(published.version().id(), answersWith(wording, fixed));
            case KnowledgePublisher.Outcome.Invalid invalid -> new Fix.InDraft(List.of(invalid.message()));
            case KnowledgePublisher.Outcome.Refused refused -> new Fix.InDraft(refused.report().failures().stream()
                    .map(f -> f.check() + ": " + f.detail())
                    .toList());
        };
    }

    private Set<String> faqIds() {
        return editor.draftKnowledge().faqs().stream().map(Faq::id).collect(java.util.stream.Collectors.toSet());
    }

    /** The live engine answers {@code wording} with the FAQ {@code faqId}, as confidently as counts as answered. */
    private boolean answersWith(String wording, String faqId) {
        return wording != null && faqId != null && engine.answer(wording) instanceof Answer.Found found
                && found.itemId().equals(faqId) && found.confidence() >= missed.lowConfidence();
    }
}
