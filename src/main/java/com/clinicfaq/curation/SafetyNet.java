package com.clinicfaq.curation;

import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseProperties;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.PolicyRules;
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
 * are answered at least as well as the floors.
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

    /** One thing a change would break, in words an editor can act on. */
    public record Failure(String check, String detail) {}

    /** What the checks found: the failures, and the figures measured. */
    public record Report(List<Failure> failures, List<String> figures) {

        public boolean passed() {
            return failures.isEmpty();
        }
    }

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
        return check(null, policy, engine, live);
    }

    /**
     * @param knowledge what the engine was built from, to check its knowledge-base-wide files against its articles
     *     (null: not checked)
     */
    public Report check(KnowledgeBase knowledge, ConversationPolicy policy, AnswerEngine engine, ConversationPolicy live) {
        List<Failure> failures = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        if (knowledge != null) {
            for (AnswerEngine.Contradiction c : engine.outOfScopeContradictions(knowledge)) {
                failures.add(new Failure("library", "The out-of-scope topic '%s' declines \"%s\", about the procedure of the article '%s', which answers it: remove the phrasing (or the topic) from out-of-scope.md"
                        .formatted(c.topicId(), c.phrasing(), c.articleId())));
            }
        }
        if (policy.rules().texts().disclaimer().isBlank()) {
            failures.add(new Failure("disclaimer", "The disclaimer is empty; every message of the bot must carry it."));
        }
        if (!Files.isRegularFile(checks.resolve(PolicyCase.FILE_NAME))) {
            failures.add(new Failure("checks", "The safety cases are missing (" + checks.resolve(PolicyCase.FILE_NAME) + ")."));
            return new Report(List.copyOf(failures), figures);
        }
        List<PolicyCase> cases = PolicyCase.all(checks);
        int decided = 0;
        for (PolicyCase c : cases) {
            String outcome = PolicyCase.outcome(policy.decide(c.message()));
            if (outcome.equals(c.expected())) {
                decided++;
            } else {
                failures.add(new Failure(c.branch() + " case", "\"" + c.message() + "\" must be " + c.expected()
                        + " but would be " + outcome + " (" + PolicyCase.FILE_NAME + " line " + c.line() + ")"));
            }
        }
        figures.add("Safety cases: %d of %d decided as written".formatted(decided, cases.size()));
        redFlags(policy, live, failures, figures);
        for (String name : EvaluationSet.NAMES) {
            Evaluation evaluation = Evaluation.run(EvaluationSet.load(checks, name), engine::answer);
            figures.add(evaluation.summary());
            if (evaluation.accuracy() < ACCURACY_FLOOR || evaluation.rejection() < REJECTION_FLOOR) {
                failures.add(new Failure("answers", "%s is below the floor of %.0f %% accuracy and %.0f %% rejection; for example: %s"
                        .formatted(evaluation.summary(), 100 * ACCURACY_FLOOR, 100 * REJECTION_FLOOR, examples(evaluation))));
            }
        }
        return new Report(List.copyOf(failures), List.copyOf(figures));
    }

    /** The blind red-flag sets: recall and false alarms within the floors, and no urgent message lost. */
    private void redFlags(ConversationPolicy policy, ConversationPolicy live, List<Failure> failures, List<String> figures) {
        if (encoder == null) {
            return;
        }
        ConversationPolicy checking = policy.withEncoder(encoder.forCuratedMessages());
        for (String name : RedFlagSet.NAMES) {
            if (!RedFlagSet.exists(checks, name)) {
                failures.add(new Failure("checks", "The red-flag set is missing (" + checks.resolve(RedFlagSet.fileName(name)) + ")."));
                continue;
            }
            RedFlagSet set = RedFlagSet.load(checks, name);
            RedFlagSet.Result result = set.run(checking);
            caught.put(new Caught(policy.rules(), policy.ordinaryQuestions(), name), caughtIds(result));
            figures.add(result.summary());
            if (result.recall() < RED_FLAG_RECALL_FLOOR || result.falseAlarmRate() > FALSE_ALARM_CEILING) {
                failures.add(new Failure("red flags", "%s; the floor is %.0f %% and at most %.0f %% false alarms; for example: %s"
                        .formatted(result.summary(), 100 * RED_FLAG_RECALL_FLOOR, 100 * FALSE_ALARM_CEILING,
                                quoted(result.misses().stream().map(o -> o.c().message()).toList()))));
            }
            if (live != null) {
                Set<String> caughtBefore = caught.computeIfAbsent(new Caught(live.rules(), live.ordinaryQuestions(), name),
                        key -> caughtIds(set.run(live.withEncoder(encoder.forCuratedMessages()))));
                List<String> lost = result.outcomes().stream()
                        .filter(o -> o.c().urgent() && !o.correct() && caughtBefore.contains(o.c().id()))
                        .map(o -> o.c().message())
                        .toList();
                if (!lost.isEmpty()) {
                    failures.add(new Failure("red flags", "%d urgent message(s) of the %s red-flag set that the live version answers with urgent guidance would no longer get it: %s"
                            .formatted(lost.size(), name, quoted(lost))));
                }
            }
        }
    }

    /** The urgent messages a version's rules catch, per set: the live version's are not run again at every publish. */
    private record Caught(PolicyRules rules, List<String> ordinaryQuestions, String set) {}

    private final Map<Caught, Set<String>> caught = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Caught, Set<String>> eldest) {
            return size() > 8;
        }
    });

    private static Set<String> caughtIds(RedFlagSet.Result result) {
        return result.outcomes().stream().filter(o -> o.c().urgent() && o.correct()).map(o -> o.c().id())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static String quoted(List<String> messages) {
        return messages.stream().limit(MISSES_SHOWN).map(m -> "\"" + m + "\"").reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private static String examples(Evaluation evaluation) {
        return evaluation.misses().stream()
                .limit(MISSES_SHOWN)
                .map(miss -> "\"" + miss.question().text() + "\"")
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }
}
