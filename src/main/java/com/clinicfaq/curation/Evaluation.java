package com.clinicfaq.curation;

import com.clinicfaq.search.Answer;
import java.util.List;
import java.util.function.Function;

/** The evaluation's figures for one set: what visitors would notice, not what the engine scored. */
public record Evaluation(
        String set, int answerable, int answeredCorrectly, int unanswerable, int rejected, List<Miss> misses) {

    public record Miss(EvaluationSet.Question question, Answer answer) {}

    public static Evaluation run(EvaluationSet set, Function<String, Answer> engine) {
        int answerable = 0, correct = 0, unanswerable = 0, rejected = 0;
        List<Miss> misses = new java.util.ArrayList<>();
        for (EvaluationSet.Question question : set.questions()) {
            Answer answer = engine.apply(question.text());
            boolean right = question.judge(answer);
            if (question.answerable()) {
                answerable++;
                correct += right ? 1 : 0;
            } else {
                unanswerable++;
                rejected += right ? 1 : 0;
            }
            if (!right) {
                misses.add(new Miss(question, answer));
            }
        }
        return new Evaluation(set.name(), answerable, correct, unanswerable, rejected, List.copyOf(misses));
    }

    public double accuracy() {
        return (double) answeredCorrectly / answerable;
    }

    public double rejection() {
        return (double) rejected / unanswerable;
    }

    public String summary() {
        return "%-8s top-1 accuracy %5.1f %% (%d/%d answerable)   rejection %5.1f %% (%d/%d unanswerable)"
                .formatted(
                        set,
                        100 * accuracy(),
                        answeredCorrectly,
                        answerable,
                        100 * rejection(),
                        rejected,
                        unanswerable);
    }
}
