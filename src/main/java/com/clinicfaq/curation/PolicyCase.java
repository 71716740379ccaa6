package com.clinicfaq.curation;

import com.clinicfaq.knowledge.CsvRecords;
import com.clinicfaq.policy.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code knowledge-base/checks/policy-cases.csv}: a visitor message, the branch
 * (emergency | clinician | booking | smalltalk | knowledge) and the rule id expected. Lines starting
 * with {@code #} are comments; a message with a comma is put in double quotes.
 */
public record PolicyCase(int line, String message, String branch, String rule) {

    public static final String FILE_NAME = "policy-cases.csv";

    public static List<PolicyCase> all(Path checks) {
        Path file = checks.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!lines.getFirst().equals("message,branch,rule")) {
            throw new IllegalStateException(file + ": the header must be 'message,branch,rule'");
        }
        List<PolicyCase> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            List<String> fields = CsvRecords.fields(text);
            if (fields.size() != 3) {
                throw new IllegalStateException(
                        file + ":" + (i + 1) + ": expected message,branch,rule but got " + fields);
            }
            cases.add(new PolicyCase(
                    i + 1, fields.get(0), fields.get(1).strip(), fields.get(2).strip()));
        }
        return cases;
    }

    /** The branch and rule a decision stands for, as the case file writes them: "clinician/medications", "knowledge/". */
    public static String outcome(Decision decision) {
        String branch = switch (decision) {
            case Decision.Emergency e -> "emergency";
            case Decision.NeedsClinician c -> "clinician";
            case Decision.Booking b -> "booking";
            case Decision.SmallTalk s -> "smalltalk";
            case Decision.AskKnowledgeBase a -> "knowledge";
        };
        return branch + "/" + decision.ruleId();
    }

    public String expected() {
        return branch + "/" + rule;
    }

    @Override
    public String toString() {
        return "line " + line + ": \"" + message + "\" → " + branch + (rule.isEmpty() ? "" : " (" + rule + ")");
    }
}
