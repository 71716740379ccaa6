package com.clinicfaq.curation;

import com.clinicfaq.knowledge.KnowledgeBaseProperties;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.search.AnswerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Autowired
    SafetyNet(KnowledgeBaseProperties properties) {
        this(properties.path().resolve("checks"));
    }

    SafetyNet(Path checks) {
        this.checks = checks;
    }

    public Report check(ConversationPolicy policy, AnswerEngine engine) {
        List<Failure> failures = new ArrayList<>();
        List<String> figures = new ArrayList<>();
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

    private static String examples(Evaluation evaluation) {
        return evaluation.misses().stream()
                .limit(MISSES_SHOWN)
                .map(miss -> "\"" + miss.question().text() + "\"")
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }
}
