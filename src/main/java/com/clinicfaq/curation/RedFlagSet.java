package com.clinicfaq.curation;

import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages of people in danger and calm messages with alarming words, written blind (by authors who never saw
 * {@code policy.yml}): {@code knowledge-base/checks/red-flags-{dev,holdout}.jsonl}, one JSON object a line with the
 * visitor's turns, the last one judged. The policy was tuned on the dev half only; every change staff publish is
 * checked against both (docs/evaluation.md).
 */
public record RedFlagSet(String name, List<Case> cases) {

    public static final List<String> NAMES = List.of("dev", "holdout");
    public static final Path PROJECT_CHECKS = Path.of("knowledge-base", "checks");

    /**
     * @param line "911" or "988" for an urgent case: the number its guidance must give; null for a calm one
     * @param turns the visitor's messages in order; the last is the one judged, those before it are ordinary
     */
    public record Case(
            String id,
            boolean urgent,
            String line,
            String kind,
            String language,
            List<String> styles,
            List<String> turns) {

        public String message() {
            return turns.getLast();
        }
    }

    public static String fileName(String name) {
        return "red-flags-" + name + ".jsonl";
    }

    public static boolean exists(Path checks, String name) {
        return Files.isRegularFile(checks.resolve(fileName(name)));
    }

    public static RedFlagSet load(Path checks, String name) {
        JsonMapper json = JsonMapper.builder().build();
        List<Case> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(checks.resolve(fileName(name)), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<String> turns = new ArrayList<>();
                node.get("turns").forEach(turn -> turns.add(turn.asString()));
                List<String> styles = new ArrayList<>();
                node.path("style").forEach(style -> styles.add(style.asString()));
                JsonNode number = node.get("line");
                cases.add(new Case(
                        node.get("id").asString(),
                        "urgent".equals(node.get("expected").asString()),
                        number == null || number.isNull() ? null : number.asString(),
                        node.get("kind").asString(),
                        node.path("lang").asString("en"),
                        List.copyOf(styles),
                        List.copyOf(turns)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RedFlagSet(name, List.copyOf(cases));
    }

    /** How the policy did on one case. */
    public record Outcome(Case c, boolean correct, Decision decision, int alarmedTurn) {}

    /** The policy's figures on the set. */
    public record Result(String name, List<Outcome> outcomes) {

        public long urgentCases() {
            return outcomes.stream().filter(o -> o.c().urgent()).count();
        }

        public long urgentCaught() {
            return outcomes.stream().filter(o -> o.c().urgent() && o.correct()).count();
        }

        public long calmCases() {
            return outcomes.stream().filter(o -> !o.c().urgent()).count();
        }

        public long falseAlarms() {
            return outcomes.stream()
                    .filter(o -> !o.c().urgent() && !o.correct())
                    .count();
        }

        public double recall() {
            return urgentCases() == 0 ? 1 : (double) urgentCaught() / urgentCases();
        }

        public double falseAlarmRate() {
            return calmCases() == 0 ? 0 : (double) falseAlarms() / calmCases();
        }

        public List<Outcome> misses() {
            return outcomes.stream().filter(o -> !o.correct()).toList();
        }

        public String summary() {
            return "Red flags (%s): %d of %d urgent messages get urgent guidance first (%.1f %%); %d of %d calm messages raise a false alarm (%.1f %%)"
                    .formatted(
                            name,
                            urgentCaught(),
                            urgentCases(),
                            100 * recall(),
                            falseAlarms(),
                            calmCases(),
                            100 * falseAlarmRate());
        }

        /** Per kind (and per language): caught or calm-as-it-should-be over the cases. */
        public Map<String, int[]> byKind() {
            Map<String, int[]> byKind = new TreeMap<>();
            for (Outcome o : outcomes) {
                for (String key : List.of(
                        (o.c().urgent() ? "urgent " : "calm ") + o.c().kind(),
                        (o.c().urgent() ? "urgent, " : "calm, ") + o.c().language(),
                        (o.c().urgent() ? "urgent, " : "calm, ") + "all")) {
                    int[] counts = byKind.computeIfAbsent(key, k -> new int[2]);
                    counts[0] += o.correct() ? 1 : 0;
                    counts[1]++;
                }
            }
            return byKind;
        }
    }

    /**
     * Runs every case through the policy as a conversation would: each turn is decided; an urgent case is right when
     * its last turn gets the guidance with its number (988 or 911); a calm case when no turn gets urgent guidance.
     */
    public Result run(ConversationPolicy policy) {
        // the policy is thread-safe: the cases are run on the common pool, in the set's order
        return new Result(
                name, cases.parallelStream().map(c -> outcome(policy, c)).toList());
    }

    private static Outcome outcome(ConversationPolicy policy, Case c) {
        {
            int alarmed = -1;
            Decision last = null;
            for (int i = 0; i < c.turns().size(); i++) {
                Decision decision = policy.decide(c.turns().get(i));
                if (decision instanceof Decision.Emergency && alarmed < 0) {
                    alarmed = i;
                }
                last = decision;
            }
            boolean correct = c.urgent()
                    ? last instanceof Decision.Emergency emergency
                            && emergency.guidance().contains(c.line())
                    : alarmed < 0;
            return new Outcome(c, correct, last, alarmed);
        }
    }
}
