package com.clinicfaq.curation;

import com.clinicfaq.conversation.VisitorTurns;
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
import com.clinicfaq.staff.MissedEmergencyMarks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The loop from what visitors asked to what the bot answers (issues #10, #19, #20): every way the bot missed a question
 * over some days that the live knowledge base still misses, grouped by meaning, in four parts ({@link Section}):
 * questions it did not answer, answers visitors did not take, turns that failed with an error, and topics it declined as
 * out of scope; and the one-step fixes an editor makes to a group (another way of asking an existing FAQ, or a new FAQ),
 * applied to the draft and published at once. Messages the live policy now answers with urgent guidance, and messages
 * staff marked as missed emergencies, are never listed: they are for clinical review ({@link SafetyMisses}, the console's
 * safety review).
 */
@Service
public class UnansweredQuestions {

    /** The published version's comment for a fix made here. */
    public static final String COMMENT = "Answered an unanswered question";

    static final int EXAMPLES = 5;
    /** The longest answer shown as the bot gave it; longer ones end in "…". */
    static final int ANSWER_CHARS = 300;
    /** The most questions a group shows that visitors asked next. */
    static final int ASKED_NEXT = 3;
    /** The engine's candidates weighed to place a question: all it considers. */
    private static final int WEIGHED = 100;

    /** How the bot missed: the parts of the page, in order. */
    public enum Section {
        /** The bot said it does not know, or answered below the low-confidence threshold. */
        NOT_ANSWERED,
        /**
         * The bot answered, and the visitor did not take it: said it did not help, asked again in other words, or asked
         * for a person at once.
         */
        ANSWERED_BUT_MISSED,
        /** The turn failed with an error: the visitor was told something went wrong. */
        FAILED,
        /** Declined on purpose: a topic of the out-of-scope file that the live knowledge base still declines. */
        DECLINED;

        /** Whether an editor fixes its groups with a FAQ: a new one, or another way of asking one. */
        public boolean fixedWithAFaq() {
            return this == NOT_ANSWERED || this == ANSWERED_BUT_MISSED;
        }
    }

    /** The out-of-scope topic that declines a group's questions now. */
    public record Topic(String id, String title) {}

    /**
     * Visitors' words that mean the same, as one question to answer.
     *
     * @param key names the group between the page and its forms (a hash of its part and question)
     * @param section the part of the page it is in: how the bot missed it
     * @param question the group's most asked wording, its representative
     * @param count how many times its questions were missed
     * @param examples its most asked wordings, the representative first, at most {@value #EXAMPLES}
     * @param closestFaq the draft's FAQ the engine thinks closest among those of the article the question is about
     *     ({@link #articleOf}), if any; never an FAQ whose answer visitors did not take
     * @param source the section of that article the engine thinks closest, as {@code article#anchor}, or "" when the
     *     question's article is not known
     * @param texts all its wordings, normalised and masked
     * @param answers what the bot answered, as it gave it (at most {@value #ANSWER_CHARS} characters each): the answers
     *     visitors did not take, or the low-confidence answers; none when it said it does not know
     * @param askedNext what visitors asked next, when they asked again in other words (at most {@value #ASKED_NEXT})
     * @param errors for a failed turn, the kinds of error (the exceptions' class names)
     * @param topic for a declined question, the out-of-scope topic that declines it now
     */
    public record Group(
            String key,
            Section section,
            String question,
            int count,
            Set<Reason> reasons,
            List<String> examples,
            LocalDate lastAsked,
            Optional<Faq> closestFaq,
            String source,
            List<String> texts,
            List<String> answers,
            List<String> askedNext,
            List<String> errors,
            Optional<Topic> topic) {

        /** The question as a FAQ would put it: "how soon am i back on my feet" → "How soon am I back on my feet?" */
        public String asFaqQuestion() {
            String text = question.replaceAll("\\bi\\b", "I");
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
            return text.matches(".*[?.!…]$") ? text : text + "?";
        }

        public String reasonLabels() {
            return String.join(", ", reasons.stream().map(Reason::label).toList());
        }

        /** The bot said it does not know (some of the times it was asked). */
        public boolean saidItDoesNotKnow() {
            return reasons.contains(Reason.NOT_IN_KNOWLEDGE_BASE);
        }

        /** Not answered now, declined as out of scope when it was asked: its topic no longer declines it. */
        public boolean declinedThen() {
            return section == Section.NOT_ANSWERED && reasons.contains(Reason.OUT_OF_SCOPE);
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
    private final AnswerFollowUps followUps;
    private final VisitorTurns turns;
    private final AnswerEngine engine;
    private final QuestionGroups questionGroups;
    private final KnowledgeEditor editor;
    private final Dismissals dismissals;
    private final SafetyMisses safetyMisses;
    private final MissedEmergencyMarks emergencyMarks;
    private final Clock clock;

    UnansweredQuestions(
            MissedQuestions missed,
            AnswerFollowUps followUps,
            VisitorTurns turns,
            AnswerEngine engine,
            QuestionGroups questionGroups,
            KnowledgeEditor editor,
            Dismissals dismissals,
            SafetyMisses safetyMisses,
            MissedEmergencyMarks emergencyMarks,
            Clock clock) {
        this.missed = missed;
        this.followUps = followUps;
        this.turns = turns;
        this.engine = engine;
        this.questionGroups = questionGroups;
        this.editor = editor;
        this.dismissals = dismissals;
        this.safetyMisses = safetyMisses;
        this.emergencyMarks = emergencyMarks;
        this.clock = clock;
    }

    /** Today, on the calendar the stored days use (the server's). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    /**
     * The groups of questions missed from {@code from} to {@code to} (whole days), by {@link Section} and in each the
     * most missed first. Left out: questions the live knowledge base now answers well enough (unless it still gives the
     * answer visitors did not take), or now declines on purpose (listed as declined only when they were declined when
     * asked); questions dismissed; and messages the live policy now gives urgent guidance or staff flagged as missed
     * emergencies: those are safety misses, for clinical review, not content to write.
     */
    public List<Group> list(LocalDate from, LocalDate to) {
        Set<String> dismissed = dismissals.hashes();
        Set<String> marked = emergencyMarks.markedTexts().stream()
                .map(QuestionTexts::normalise)
                .collect(Collectors.toSet());
        Map<String, Boolean> excluded = new HashMap<>();
        Predicate<String> listable = text -> !excluded.computeIfAbsent(
                text,
                t -> dismissed.contains(Dismissals.hash(t))
                        || marked.contains(t)
                        || safetyMisses.emergencyNow(t).isPresent());
        Map<String, Answer> answers = new HashMap<>();
        Function<String, Answer> live = text -> answers.computeIfAbsent(text, engine::answer);

        Map<Section, Map<String, Tally>> sections = missed(
                Timestamp.valueOf(from.atStartOfDay()),
                Timestamp.valueOf(to.plusDays(1).atStartOfDay()),
                listable,
                live);
        sections.get(Section.NOT_ANSWERED).keySet().removeIf(text -> answeredNow(live.apply(text)));
        sections.get(Section.ANSWERED_BUT_MISSED)
                .entrySet()
                .removeIf(e -> answeredNow(live.apply(e.getKey()))
                        && !(live.apply(e.getKey()) instanceof Answer.Found found
                                && e.getValue().answers.containsKey(found.itemId())));

        KnowledgeBase draft = editor.draftKnowledge();
        List<Group> groups = new ArrayList<>();
        for (Section section : Section.values()) {
            List<Map.Entry<String, Tally>> open = sections.get(section).entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, Tally> e) -> e.getValue().count)
                            .reversed()
                            .thenComparing(Map.Entry::getKey))
                    .toList();
            List<List<Map.Entry<String, Tally>>> byMeaning = section == Section.DECLINED
                    ? byTopic(open, live)
                    : questionGroups
                            .group(open.stream().map(Map.Entry::getKey).toList(), QuestionGroups.SAME_QUESTION)
                            .stream()
                            .map(indexes -> indexes.stream().map(open::get).toList())
                            .toList();
            byMeaning.stream()
                    .map(members -> group(section, members, draft, live))
                    .sorted(Comparator.comparingInt(Group::count)
                            .reversed()
                            .thenComparing(Group::lastAsked, Comparator.reverseOrder()))
                    .forEach(groups::add);
        }
        return List.copyOf(groups);
    }

    /**
     * Every wording missed from {@code start} to {@code end} that is {@code listable}, by the part of the page it goes to:
     * what the bot said of it ({@link MissedQuestions}), what visitors did after an answer ({@link AnswerFollowUps}), the
     * turns that failed ({@link VisitorTurns}). A question declined as out of scope when asked is declined if the live
     * engine still declines it, else a question not answered.
     */
    private Map<Section, Map<String, Tally>> missed(
            Timestamp start, Timestamp end, Predicate<String> listable, Function<String, Answer> live) {
        Map<Section, Map<String, Tally>> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            sections.put(section, new LinkedHashMap<>());
        }
        for (Missed m : missed.each(start, end)) {
            if (listable.test(m.text())) {
                Section section = m.reasons().contains(Reason.NOT_HELPFUL)
                        ? Section.ANSWERED_BUT_MISSED
                        : !m.reasons().contains(Reason.OUT_OF_SCOPE)
                                ? Section.NOT_ANSWERED
                                : live.apply(m.text()) instanceof Answer.OutOfScope
                                        ? Section.DECLINED
                                        : Section.NOT_ANSWERED;
                sections.get(section)
                        .computeIfAbsent(m.text(), t -> new Tally())
                        .add(m, null, null);
            }
        }
        for (AnswerFollowUps.Followed f : followUps.between(start.toInstant(), end.toInstant())) {
            if (listable.test(f.missed().text())) {
                sections.get(Section.ANSWERED_BUT_MISSED)
                        .computeIfAbsent(f.missed().text(), t -> new Tally())
                        .add(f.missed(), f.askedNext(), null);
            }
        }
        for (VisitorTurns.FailedTurn failed : turns.failedTurns(start.toInstant(), end.toInstant())) {
            String text = QuestionTexts.normalise(failed.text());
            if (listable.test(text)) {
                sections.get(Section.FAILED)
                        .computeIfAbsent(text, t -> new Tally())
                        .add(new Missed(text, 1, Set.of(Reason.ERROR), failed.failedAt()), null, failed.error());
            }
        }
        return sections;
    }

    /** The live engine answers it as confidently as counts as answered, or declines it as out of scope. */
    private boolean answeredNow(Answer answer) {
        return switch (answer) {
            case Answer.Found found -> found.confidence() >= missed.lowConfidence();
            case Answer.OutOfScope outOfScope -> true;
            case Answer.Unknown unknown -> false;
            case Answer.Ambiguous ambiguous -> true; // the visitor is asked which procedure, and then answered
        };
    }

    /** Declined questions by the topic that declines them now, in the order given (most asked first). */
    private static List<List<Map.Entry<String, Tally>>> byTopic(
            List<Map.Entry<String, Tally>> declined, Function<String, Answer> live) {
        Map<String, List<Map.Entry<String, Tally>>> byTopic = new LinkedHashMap<>();
        for (Map.Entry<String, Tally> e : declined) {
            if (live.apply(e.getKey()) instanceof Answer.OutOfScope topic) {
                byTopic.computeIfAbsent(topic.topicId(), t -> new ArrayList<>()).add(e);
            }
        }
        return List.copyOf(byTopic.values());
    }

    private Group group(
            Section section,
            List<Map.Entry<String, Tally>> members,
            KnowledgeBase draft,
            Function<String, Answer> live) {
        String question = members.getFirst().getKey();
        Tally all = new Tally();
        members.forEach(m -> all.add(m.getValue()));
        Optional<Faq> closest = Optional.empty();
        String source = "";
        if (section.fixedWithAFaq()) {
            List<Explanation.Weighed> candidates =
                    engine.explain(question, WEIGHED).candidates();
            Optional<String> article = articleOf(question, candidates, draft);
            List<Explanation.Weighed> ofArticle = candidates.stream()
                    .filter(c -> c.source() != null
                            && article.isPresent()
                            && c.source().articleId().equals(article.get()))
                    .toList();
            closest = ofArticle.stream()
                    .filter(c -> c.kind() == Explanation.Kind.FAQ)
                    .filter(c -> section != Section.ANSWERED_BUT_MISSED || !all.answers.containsKey(c.itemId()))
                    .flatMap(c -> draft.faqs().stream().filter(f -> f.id().equals(c.itemId())))
                    .findFirst();
            source = ofArticle.stream()
                    .map(Explanation.Weighed::source)
                    .filter(s -> draft.article(s.articleId()).stream()
                            .flatMap(a -> a.sections().stream())
                            .anyMatch(x -> x.anchor().equals(s.anchor())))
                    .map(s -> s.articleId() + "#" + s.anchor())
                    .findFirst()
                    .orElse("");
        }
        Optional<Topic> topic =
                section == Section.DECLINED && live.apply(question) instanceof Answer.OutOfScope declined
                        ? Optional.of(new Topic(declined.topicId(), declined.topicTitle()))
                        : Optional.empty();
        List<String> texts = members.stream().map(Map.Entry::getKey).toList();
        return new Group(
                Dismissals.hash(section.name() + ":" + question).substring(0, 16),
                section,
                question,
                all.count,
                Collections.unmodifiableSet(EnumSet.copyOf(all.reasons)),
                texts.subList(0, Math.min(EXAMPLES, texts.size())),
                LocalDate.ofInstant(all.lastAsked, ZoneId.systemDefault()),
                closest,
                source,
                texts,
                all.answers.values().stream()
                        .map(UnansweredQuestions::shortened)
                        .distinct()
                        .toList(),
                all.askedNext.stream().limit(ASKED_NEXT).toList(),
                List.copyOf(all.errors),
                topic);
    }

    /** An answer as the bot gave it, cut after {@value #ANSWER_CHARS} characters. */
    static String shortened(String answer) {
        String text = answer.strip().replaceAll("\\s+", " ");
        return text.length() <= ANSWER_CHARS
                ? text
                : text.substring(0, ANSWER_CHARS - 1).stripTrailing() + "…";
    }

    /** Missed wordings of one part of the page merged: counts added, reasons, answers, next questions and errors together. */
    private static final class Tally {
        int count;
        final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        final Map<String, String> answers = new LinkedHashMap<>();
        final Set<String> askedNext = new LinkedHashSet<>();
        final Set<String> errors = new LinkedHashSet<>();
        Instant lastAsked;

        void add(Missed missed, String next, String error) {
            count += missed.count();
            reasons.addAll(missed.reasons());
            missed.answers().forEach(answers::putIfAbsent);
            if (next != null && !next.equals(missed.text())) {
                askedNext.add(next);
            }
            if (error != null) {
                errors.add(error);
            }
            lastAsked = lastAsked == null || missed.lastAsked().isAfter(lastAsked) ? missed.lastAsked() : lastAsked;
        }

        void add(Tally other) {
            count += other.count;
            reasons.addAll(other.reasons);
            other.answers.forEach(answers::putIfAbsent);
            askedNext.addAll(other.askedNext);
            errors.addAll(other.errors);
            lastAsked = lastAsked == null || other.lastAsked.isAfter(lastAsked) ? other.lastAsked : lastAsked;
        }
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
                .filter(other -> articlesOf(
                                engine.explain(question, other, WEIGHED).candidates())
                        .equals(among))
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
    public Fix newFaq(
            String articleId, String sectionAnchor, String question, String answer, String wording, String by) {
        List<String> phrasings = wording == null || wording.isBlank() ? List.of() : List.of(wording);
        return applyAndPublish(
                new Change.SaveFaq(null, articleId, question, phrasings, answer, sectionAnchor), null, wording, by);
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
        String fixed = faqId != null
                ? faqId
                : faqIds().stream()
                        .filter(id -> !before.contains(id))
                        .findFirst()
                        .orElse(null);
        if (othersPending) {
            return new Fix.InDraft(
                    List.of("The draft already held changes that are not published yet, so this one was added to"
                            + " them and not published on its own: review and publish the draft together."));
        }
        return switch (editor.publish(by, COMMENT, false)) {
            case KnowledgePublisher.Outcome.Published published ->
                new Fix.Published(published.version().id(), answersWith(wording, fixed));
            case KnowledgePublisher.Outcome.Invalid invalid -> new Fix.InDraft(List.of(invalid.message()));
            case KnowledgePublisher.Outcome.Refused refused ->
                new Fix.InDraft(refused.report().failures().stream()
                        .map(f -> f.check() + ": " + f.detail())
                        .toList());
        };
    }

    private Set<String> faqIds() {
        return editor.draftKnowledge().faqs().stream().map(Faq::id).collect(java.util.stream.Collectors.toSet());
    }

    /** The live engine answers {@code wording} with the FAQ {@code faqId}, as confidently as counts as answered. */
    private boolean answersWith(String wording, String faqId) {
        return wording != null
                && faqId != null
                && engine.answer(wording) instanceof Answer.Found found
                && found.itemId().equals(faqId)
                && found.confidence() >= missed.lowConfidence();
    }
}
