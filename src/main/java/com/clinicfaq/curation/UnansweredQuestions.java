package com.clinicfaq.curation;

import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.curation.KnowledgeEditor.Edited;
import com.clinicfaq.curation.MissedQuestions.Missed;
import com.clinicfaq.curation.MissedQuestions.Reason;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
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

    /**
     * Visitors' words that mean the same, as one question to answer.
     *
     * @param key names the group between the page and its forms (a hash of its question)
     * @param question the group's most asked wording, its representative
     * @param count how many times its questions were missed
     * @param examples its most asked wordings, the representative first, at most {@value #EXAMPLES}
     * @param closestFaq the draft's FAQ the engine thinks closest, if any
     * @param texts all its wordings, normalised and masked
     * @param unhelpfulAnswers the answers visitors said did not help, as the bot gave them (issue #19)
     */
    public record Group(String key, String question, int count, Set<Reason> reasons, List<String> examples,
            LocalDate lastAsked, Optional<Faq> closestFaq, List<String> texts, List<String> unhelpfulAnswers) {

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
        /** In force: the bot answers the question now. */
        record Published(long version) implements Fix {}

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
        List<Faq> faqs = editor.draftKnowledge().faqs();
        return questionGroups.group(open.stream().map(Missed::text).toList(), QuestionGroups.SAME_QUESTION).stream()
                .map(indexes -> group(indexes.stream().map(open::get).toList(), faqs))
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

    private Group group(List<Missed> members, List<Faq> faqs) {
        String question = members.getFirst().text();
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        members.forEach(m -> reasons.addAll(m.reasons()));
        Instant last = members.stream().map(Missed::lastAsked).max(Comparator.naturalOrder()).orElseThrow();
        Optional<Faq> closest = engine.closestFaq(question).flatMap(id -> faqs.stream().filter(f -> f.id().equals(id)).findFirst());
        List<String> texts = members.stream().map(Missed::text).toList();
        return new Group(Dismissals.hash(question).substring(0, 16), question, members.stream().mapToInt(Missed::count).sum(),
                Collections.unmodifiableSet(reasons), texts.subList(0, Math.min(EXAMPLES, texts.size())),
                LocalDate.ofInstant(last, ZoneId.systemDefault()), closest, texts,
                members.stream().flatMap(m -> m.unhelpful().values().stream()).distinct().toList());
    }

    /** Adds {@code phrasing} as another way of asking the FAQ, and publishes it. */
    public Fix addPhrasing(String faqId, String phrasing, String by) {
        return applyAndPublish(new Change.AddPhrasing(faqId, phrasing), by);
    }

    /** A new FAQ answered from a section of an article, published. */
    public Fix newFaq(String articleId, String sectionAnchor, String question, String answer, String by) {
        return applyAndPublish(new Change.SaveFaq(null, articleId, question, List.of(), answer, sectionAnchor), by);
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
    private synchronized Fix applyAndPublish(Change change, String by) {
        boolean othersPending = editor.hasChanges();
        if (editor.apply(change, by) instanceof Edited.Refused refused) {
            return new Fix.Refused(refused.problems());
        }
        if (othersPending) {
            return new Fix.InDraft(List.of("The draft already held changes that are not published yet, so this one was added to"
                    + " them and not published on its own: review and publish the draft together."));
        }
        return switch (editor.publish(by, COMMENT, false)) {
            case KnowledgePublisher.Outcome.Published published -> new Fix.Published(published.version().id());
            case KnowledgePublisher.Outcome.Invalid invalid -> new Fix.InDraft(List.of(invalid.message()));
            case KnowledgePublisher.Outcome.Refused refused -> new Fix.InDraft(refused.report().failures().stream()
                    .map(f -> f.check() + ": " + f.detail())
                    .toList());
        };
    }
}
