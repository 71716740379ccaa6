package com.clinicfaq.policy;

import com.clinicfaq.CsvRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code src/test/resources/policy/cases.csv}: a visitor message, the branch
 * (emergency | clinician | booking | smalltalk | knowledge) and the rule id expected. Lines starting
 * with {@code #} are comments; a message with a comma is put in double quotes.
 */
record PolicyCase(int line, String message, String branch, String rule) {

    static final Path FILE = Path.of("src/test/resources/policy/cases.csv");

    static List<PolicyCase> all() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!lines.getFirst().equals("message,branch,rule")) {
            throw new IllegalStateException(FILE + ": the header must be 'message,branch,rule'");
        }
        List<PolicyCase> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            List<String> fields = CsvRecords.fields(text);
            if (fields.size() != 3) {
                throw new IllegalStateException(FILE + ":" + (i + 1) + ": expected message,branch,rule but got " + fields);
            }
            cases.add(new PolicyCase(i + 1, fields.get(0), fields.get(1).strip(), fields.get(2).strip()));
        }
        return cases;
    }

    String expected() {
        return branch + "/" + rule;
    }

    @Override
    public String toString() {
        return "line " + line + ": \"" + message + "\" → " + branch + (rule.isEmpty() ? "" : " (" + rule + ")");
    }
}
