package com.clinicfaq.curation;

import com.clinicfaq.knowledge.CheckQuestion;
import com.clinicfaq.knowledge.CheckQuestions;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseProperties;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What every change must pass before it is published: the disclaimer is there, every case of
 * {@code checks/policy-cases.csv} (each emergency, each needs-a-clinician, booking, small talk and
 * ordinary question) is decided as written, and the realistic questions of {@code checks/questions-*.csv}
 * are answered at least as well as the floors (asked on the page of the article they were written from,
 * {@link EvaluationSet#ARTICLE}, when the knowledge base has it). Every article's own check questions
 * ({@code checks/articles/*.csv}, versioned with the article) are asked of the live version and of the change, and the
 * questions whose answer the change turns from right to wrong, or from wrong to right, are named. The floor there is
 * per question, not a share: no question the live version answers right may be answered wrong unless an editor
 * confirms having read it ({@link Report#confirming}), or changes the check question to say the new answer is the
 * right one. A question wrong in both versions is a known miss, counted in the figures: it stops nothing.
 */
@Component
public class SafetyNet {

    public static final double ACCURACY_FLOOR = 0.90;
    /**
     * At most this share of each red-flag set's calm messages may get urgent guidance. The floors are the level the
     * shipped policy reaches on the holdout half, less a little (docs/evaluation.md), not the target of 1 %: they stop a
     * change that makes things worse; that no change loses an urgent message the live version catches is checked
     * message by message.
     */
    public static final double FALSE_ALARM_CEILING = 0.03;
    /** At least this share of each red-flag set's urgent messages must get urgent guidance first (the target is all). */
    public static final double RED_FLAG_RECALL_FLOOR = 0.99;

    public static final double REJECTION_FLOOR = 0.90;
    private static final int MISSES_SHOWN = 8;
    /** The check of {@link Failure}s that are answers now wrong, which an editor may confirm. */
    public static final String CHANGED_ANSWERS = "changed answers";

    /** One thing a change would break, in words an editor can act on. */
    public record Failure(String check, String detail) {}

    /**
     * What the checks found: the failures, the figures measured, and each article's check questions as the live
     * version and the change answer them.
     */
    public record Report(List<Failure> failures, List<String> figures, List<ArticleChecks.Result> articles) {

        public Report {
            failures = List.copyOf(failures);
            figures = List.copyOf(figures);
            articles = List.copyOf(articles);
        }

        public Report(List<Failure> failures, List<String> figures) {
            this(failures, figures, List.of());
        }

        public boolean passed() {
            return failures.isEmpty();
        }

        /** Whether some check question the live version answers right would be answered wrong. */
        public boolean anyNowWrong() {
            return articles.stream().anyMatch(a -> !a.nowWrong().isEmpty());
        }

        /** What an editor confirms to publish answers now wrong: a digest of them, "" when there are none. */
        public String nowWrongDigest() {
            return anyNowWrong() ? ArticleChecks.digest(articles) : "";
        }

        /**
         * The report as the change stands with an editor's confirmation: the answers that go from right to wrong
         * are failures ({@value #CHANGED_ANSWERS}) unless {@code confirmed} is the digest of exactly these.
         *
         * @param confirmed the {@link #nowWrongDigest} the editor confirmed, or "" for none
         */
        public Report confirming(String confirmed) {
            if (!anyNowWrong() || nowWrongDigest().equals(confirmed)) {
                return this;
            }
            List<Failure> all = new ArrayList<>(failures);
            for (ArticleChecks.Result article : articles) {
                List<ArticleChecks.Asked> wrong = article.nowWrong();
                if (!wrong.isEmpty()) {
                    all.add(new Failure(
                            CHANGED_ANSWERS,
                            "%d check question(s) of “%s” that the live version answers right would be answered wrong: %s. Confirm it on the publish page, or change the check questions (%s) if the new answers are the right ones."
                                    .formatted(
                                            wrong.size(),
                                            article.title(),
                                            wrong.stream()
                                                    .limit(MISSES_SHOWN)
                                                    .map(a -> "“" + a.check().question() + "” (was "
                                                            + a.before().label() + ", now "
                                                            + a.after().label() + ")")
                                                    .reduce((x, y) -> x + "; " + y)
                                                    .orElse(""),
                                            CheckQuestions.path(article.articleId()))));
                }
            }
            return new Report(all, figures, articles);
        }

        /** Whether what refuses the change is answers now wrong alone, which an editor may confirm. */
        public boolean awaitsConfirmation() {
            return !failures.isEmpty()
                    && failures.stream().allMatch(f -> f.check().equals(CHANGED_ANSWERS));
        }
    }

    /**
     * The version in force, which a change is compared with.
     *
     * @param version its number: the live version's answers to the check questions are remembered by it
     */
    public record Live(long version, KnowledgeBase knowledge, ConversationPolicy policy, AnswerEngine engine) {}

    private final Path checks;
    /** Null: the red-flag sets are not run (unit tests without the model). */
    private final PolicyEncoder encoder;

    @Autowired
    SafetyNet(KnowledgeBaseProperties properties, PolicyEncoder encoder) {
        this(properties.path().resolve("checks"), encoder);
    }

    SafetyNet(Path checks, PolicyEncoder encoder) {
        this.checks = checks;
        this.encoder = encoder;
    }

    public Report check(ConversationPolicy policy, AnswerEngine engine) {
        return check(policy, engine, null);
    }

    /**
     * @param live the policy in force, if any: a change must not lose an urgent message of the red-flag sets that it
     *     catches
     */
    public Report check(ConversationPolicy policy, AnswerEngine engine, ConversationPolicy live) {
        return check(null, Map.of(), policy, engine, live, null);
    }

    /**
     * Checks a version read whole: its knowledge-base-wide files against its articles, and its articles' check
     * questions against the live version's answers.
     *
     * @param files the version's files, read
     * @param engine an engine over its knowledge base
     * @param live the version in force, if any (none: the first version), to compare with
     */
    public Report check(KnowledgeFiles.Parsed files, ConversationPolicy policy, AnswerEngine engine, Live live) {
        return check(files.knowledge(), files.checks(), policy, engine, live == null ? null : live.policy(), live);
    }

    private Report check(
            KnowledgeBase knowledge,
            Map<String, List<CheckQuestion>> articleChecks,
            ConversationPolicy policy,
            AnswerEngine engine,
            ConversationPolicy live,
            Live liveVersion) {
        List<Failure> failures = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        if (knowledge != null) {
            for (AnswerEngine.Contradiction c : engine.outOfScopeContradictions(knowledge)) {
                failures.add(new Failure(
                        "library",
                        "The out-of-scope topic '%s' declines \"%s\", about the procedure of the article '%s', which answers it: remove the phrasing (or the topic) from out-of-scope.md"
                                .formatted(c.topicId(), c.phrasing(), c.articleId())));
            }
        }
        if (policy.rules().texts().disclaimer().isBlank()) {
            failures.add(new Failure("disclaimer", "The disclaimer is empty; every message of the bot must carry it."));
        }
        if (!Files.isRegularFile(checks.resolve(PolicyCase.FILE_NAME))) {
            failures.add(new Failure(
                    "checks", "The safety cases are missing (" + checks.resolve(PolicyCase.FILE_NAME) + ")."));
            return new Report(failures, figures);
        }
        List<PolicyCase> cases = PolicyCase.all(checks);
        int decided = 0;
        for (PolicyCase c : cases) {
            String outcome = PolicyCase.outcome(policy.decide(c.message()));
            if (outcome.equals(c.expected())) {
                decided++;
            } else {
                failures.add(new Failure(
                        c.branch() + " case",
                        "\"" + c.message() + "\" must be " + c.expected() + " but would be " + outcome + " ("
                                + PolicyCase.FILE_NAME + " line " + c.line() + ")"));
            }
        }
        figures.add("Safety cases: %d of %d decided as written".formatted(decided, cases.size()));
        redFlags(policy, live, failures, figures);
        String page =
                knowledge != null && knowledge.article(EvaluationSet.ARTICLE).isPresent()
                        ? EvaluationSet.ARTICLE
                        : null;
        for (String name : EvaluationSet.NAMES) {
            Evaluation evaluation =
                    Evaluation.run(EvaluationSet.load(checks, name), question -> engine.answer(question, page));
            figures.add(evaluation.summary());
            if (evaluation.accuracy() < ACCURACY_FLOOR || evaluation.rejection() < REJECTION_FLOOR) {
                failures.add(new Failure(
                        "answers",
                        "%s is below the floor of %.0f %% accuracy and %.0f %% rejection; for example: %s"
                                .formatted(
                                        evaluation.summary(),
                                        100 * ACCURACY_FLOOR,
                                        100 * REJECTION_FLOOR,
                                        examples(evaluation))));
            }
        }
        List<ArticleChecks.Result> articles = knowledge == null
                ? List.of()
                : ArticleChecks.run(
                        knowledge,
                        articleChecks,
                        engine::answer,
                        liveVersion == null ? null : liveVersion.knowledge(),
                        liveVersion == null ? null : liveAsker(liveVersion));
        articles.forEach(article -> figures.add(article.summary()));
        return new Report(failures, figures, articles);
    }

    /**
     * The live version's answers, remembered while it is live: they do not change, and every publish asks them again
     * (as the red-flag sets' urgent messages it catches).
     */
    private ArticleChecks.Asker liveAsker(Live live) {
        LiveAnswers remembered = liveAnswers;
        if (remembered == null || remembered.version() != live.version() || remembered.engine() != live.engine()) {
            remembered = new LiveAnswers(live.version(), live.engine(), new java.util.concurrent.ConcurrentHashMap<>());
            liveAnswers = remembered;
        }
        Map<List<String>, Answer> answers = remembered.answers();
        return (question, article) -> answers.computeIfAbsent(
                java.util.Arrays.asList(question, article), key -> live.engine().answer(question, article));
    }

    /** The live version's answers to check questions (on an article's page, or none), by question and article. */
    private record LiveAnswers(long version, AnswerEngine engine, Map<List<String>, Answer> answers) {}

    private volatile LiveAnswers liveAnswers;

    /** The blind red-flag sets: recall and false alarms within the floors, and no urgent message lost. */
    private void redFlags(
            ConversationPolicy policy, ConversationPolicy live, List<Failure> failures, List<String> figures) {
        if (encoder == null) {
            return;
        }
        ConversationPolicy checking = policy.withEncoder(encoder.forCuratedMessages());
        for (String name : RedFlagSet.NAMES) {
            if (!RedFlagSet.exists(checks, name)) {
                failures.add(new Failure(
                        "checks", "The red-flag set is missing (" + checks.resolve(RedFlagSet.fileName(name)) + ")."));
                continue;
            }
            RedFlagSet set = RedFlagSet.load(checks, name);
            RedFlagSet.Result result = run(set, checking, policy);
            figures.add(result.summary());
            if (result.recall() < RED_FLAG_RECALL_FLOOR || result.falseAlarmRate() > FALSE_ALARM_CEILING) {
                failures.add(new Failure(
                        "red flags",
                        "%s; the floor is %.0f %% and at most %.0f %% false alarms; for example: %s"
                                .formatted(
                                        result.summary(),
                                        100 * RED_FLAG_RECALL_FLOOR,
                                        100 * FALSE_ALARM_CEILING,
                                        quoted(result.misses().stream()
                                                .map(o -> o.c().message())
                                                .toList()))));
            }
            if (live != null) {
                Set<String> caughtBefore = caughtIds(run(set, live.withEncoder(encoder.forCuratedMessages()), live));
                List<String> lost = result.outcomes().stream()
                        .filter(o -> o.c().urgent() && !o.correct() && caughtBefore.contains(o.c().id()))
                        .map(o -> o.c().message())
                        .toList();
                if (!lost.isEmpty()) {
                    failures.add(new Failure(
                            "red flags",
                            "%d urgent message(s) of the %s red-flag set that the live version answers with urgent guidance would no longer get it: %s"
                                    .formatted(lost.size(), name, quoted(lost))));
                }
            }
        }
    }

    /**
     * A set run through a policy, or what a policy with the same inputs decided of the same set's messages: the live
     * version's results are not run again at every publish, nor a change's that leaves the rules, the questions and
     * the authors as they were (an answer, a section or a check question edited).
     */
    private RedFlagSet.Result run(RedFlagSet set, ConversationPolicy checking, ConversationPolicy policy) {
        return ran.get(new Ran(policy.inputs(), set.name(), set.cases()), key -> set.run(checking));
    }

    /** A red-flag set (its name and its cases as read) run through a policy's inputs. */
    private record Ran(Object inputs, String set, List<RedFlagSet.Case> cases) {}

    private final com.github.benmanes.caffeine.cache.Cache<Ran, RedFlagSet.Result> ran =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(8)
                    .executor(Runnable::run)
                    .build();

    private static Set<String> caughtIds(RedFlagSet.Result result) {
        return result.outcomes().stream()
                .filter(o -> o.c().urgent() && o.correct())
                .map(o -> o.c().id())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static String quoted(List<String> messages) {
        return messages.stream()
                .limit(MISSES_SHOWN)
                .map(m -> "\"" + m + "\"")
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }

    private static String examples(Evaluation evaluation) {
        return evaluation.misses().stream()
                .limit(MISSES_SHOWN)
                .map(miss -> "\"" + miss.question().text() + "\"")
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }
}
