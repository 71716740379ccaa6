package com.clinicfaq.curation;

import com.clinicfaq.knowledge.CsvRecords;
import com.clinicfaq.knowledge.Folding;
import com.clinicfaq.search.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Realistic visitor questions with what a correct answer must say: one of the {@code expected}
 * snippets (verbatim article phrases), or nothing at all ({@code NONE}) when the knowledge base
 * cannot answer. Files: {@code knowledge-base/checks/questions-{dev,holdout}.csv}; the engine was calibrated on
 * the dev half only, and every change staff publish is checked against both.
 */
public record EvaluationSet(String name, List<Question> questions) {

    /** The names of the sets in {@code checks/}. */
    public static final List<String> NAMES = List.of("dev", "holdout");

    /**
     * The article the sets were written from: the safety net asks them on its page, as a visitor reading it would ask
     * (in a library of several articles, a question that names no procedure asked from a page about none is rightly
     * answered "which procedure?", which the sets do not count as right).
     */
    public static final String ARTICLE = "kyphoplasty-compression-fractures";

    public record Question(String text, List<String> expected, String kind) {

        public boolean answerable() {
            return !expected.isEmpty();
        }

        /** Whether the engine's answer is what a visitor needed. */
        public boolean judge(Answer answer) {
            return switch (answer) {
                case Answer.Found found ->
                    answerable()
                            && expected.stream()
                                    .anyMatch(snippet -> Folding.caseAndSpaces(found.text())
                                            .contains(Folding.caseAndSpaces(snippet)));
                case Answer.Unknown unknown -> !answerable();
                case Answer.OutOfScope outOfScope -> !answerable();
                case Answer.Ambiguous ambiguous -> false; // it asks which procedure: neither the answer nor a decline
            };
        }
    }

    /** The project's own checks, as the evaluation command and the tests read them from the project folder. */
    public static final Path PROJECT_CHECKS = Path.of("knowledge-base", "checks");

    /** Reads {@code questions-<name>.csv} from the checks folder. */
    public static EvaluationSet load(Path checks, String name) {
        try {
            List<String> lines =
                    Files.readAllLines(checks.resolve("questions-" + name + ".csv"), StandardCharsets.UTF_8);
            List<Question> questions = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = CsvRecords.fields(line);
                List<String> expected = fields.get(1).equals("NONE")
                        ? List.of()
                        : Arrays.asList(fields.get(1).split("\\|"));
                questions.add(new Question(fields.get(0), expected, fields.get(2)));
            }
            return new EvaluationSet(name, List.copyOf(questions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
