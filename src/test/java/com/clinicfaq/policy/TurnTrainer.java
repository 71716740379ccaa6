package com.clinicfaq.policy;

import com.clinicfaq.curation.EvaluationSet;
import com.clinicfaq.curation.RedFlagSet;
import com.clinicfaq.knowledge.CsvRecords;
import com.clinicfaq.search.OnnxEmbedder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the learned reading of conversational turns ({@link TurnClassifier}) and reports it: {@code ./mvnw -q
 * test-compile exec:exec@train-turns} (add {@code -Dtrain-turns.args=--write} to write the model where the policy reads
 * it, {@code --misses} to list the out-of-fold misses of the training set and the dev half, {@code --alarms} the turns of
 * those that still get urgent guidance).
 *
 * <p>What it learns from: the blind conversational training set ({@code src/test/resources/conversational/train.jsonl},
 * three authors who saw only the sample articles and a description of the widget), the small-talk rules' examples
 * of {@code policy.yml}, and for questions the knowledge base's FAQ questions and phrasings, the clinician and booking
 * rules' examples and the calm messages of the red-flag training set; and the dev half. Never the holdout half. The
 * threshold is the lowest at which the whole policy, reading the training set and the dev half out of fold (five folds
 * by conversation), takes at most 1 % of the questions for small talk; the holdout half is read once at that threshold.
 */
public final class TurnTrainer {

    static final List<String> LABELS = List.of(
            TurnClassifier.QUESTION,
            "thanks",
            "acknowledgement",
            "goodbye",
            "greeting",
            "about-assistant",
            "not-helpful");
    /** The blind sets' kinds of turn, as the policy's small-talk rules are named. */
    static final Map<String, String> KINDS = Map.of(
            "question",
            TurnClassifier.QUESTION,
            "thanks",
            "thanks",
            "ack",
            "acknowledgement",
            "goodbye",
            "goodbye",
            "greeting",
            "greeting",
            "bot",
            "about-assistant",
            "complaint",
            "not-helpful");
    /**
     * The most a learned red-flag alarm may be and still be quieted on a conversational turn, whatever the sets say: a
     * margin for a farewell written in danger that no set holds.
     */
    static final double MAX_QUIET_BELOW = 0.5;
    /**
     * The classes whose turns may be quieted: every conversational class but the farewell. Saying goodbye is a sign of
     * suicidal thinking the issue names; "thanks. i'm done. bye" reads as a goodbye and may be written in danger, so a
     * goodbye the red-flag layer is alarmed by keeps its alarm ("Thank you, dear. Goodbye." is the price).
     */
    static final java.util.Set<String> QUIETABLE =
            java.util.Set.of("thanks", "acknowledgement", "greeting", "about-assistant", "not-helpful");
    /** The most share of the dev half's questions the policy may take for small talk. */
    static final double QUESTIONS_TAKEN = 0.01;

    private static final Path SETS = Path.of("src", "test", "resources", "conversational");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param conversation the turn's conversation's place in its file (-1: a curated example) */
    record Turn(String text, String label, int conversation) {

        Turn(String text, String label) {
            this(text, label, -1);
        }
    }

    static List<Turn> load(String half) throws Exception {
        List<Turn> turns = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(SETS.resolve(half + ".jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode conversation = JSON.readTree(line);
            int at = n++;
            conversation
                    .path("turns")
                    .valueStream()
                    .forEach(t -> turns.add(new Turn(
                            t.path("text").asString(), KINDS.get(t.path("kind").asString()), at)));
        }
        return turns;
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<String> options =
                Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("\\s+"))).toList();
        com.clinicfaq.TestKnowledgeBases.ShippedPolicy shipped = com.clinicfaq.TestKnowledgeBases.shippedPolicy();
        PolicyRules rules = shipped.rules();
        OnnxEmbedder onnx = OnnxEmbedder.allMiniLmL6V2();
        RedFlagTrainer cache = new RedFlagTrainer(onnx, Path.of("target", "turn-embeddings.ser"));
        SentenceEncoder encoder = cache.asEncoder(onnx.model());
        int epochs = Integer.parseInt(RedFlagTrainer.option(options, "epochs", "20"));
        double l2 = Double.parseDouble(RedFlagTrainer.option(options, "l2", "1e-4"));

        // what it learns from: the curated examples always; the blind turns of the training set and the dev half, read
        // out of fold (five folds by conversation) to choose the threshold
        List<Turn> curated = new ArrayList<>();
        for (Rule rule : rules.smallTalk()) {
            String label = LABELS.contains(rule.id())
                    ? rule.id()
                    : rule.id().equals("are-you-a-person") ? "about-assistant" : null;
            if (label != null) {
                rule.examples().forEach(example -> curated.add(new Turn(example, label)));
            }
        }
        LinkedHashSet<String> questions = new LinkedHashSet<>(shipped.questions());
        rules.clinician().forEach(rule -> questions.addAll(rule.examples()));
        rules.booking().forEach(rule -> questions.addAll(rule.examples()));
        // the red-flag training set's messages, calm and urgent: neither is small talk ("thank you for everything.
        // goodbye"
        // said by someone in danger is no goodbye to answer in kind)
        for (var c : RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, "train").cases()) {
            questions.add(c.turns().getLast());
        }
        List<String> spanish =
                Files.readAllLines(EvaluationSet.PROJECT_CHECKS.resolve("spanish-dev.csv"), StandardCharsets.UTF_8);
        for (String line : spanish.subList(1, spanish.size())) {
            List<String> fields = CsvRecords.fields(line);
            if (!line.isBlank() && !fields.get(3).equals("small-talk")) {
                questions.add(fields.get(0));
            }
        }
        questions.forEach(q -> curated.add(new Turn(q, TurnClassifier.QUESTION)));
        List<Turn> blind = new ArrayList<>(load("train"));
        load("dev").forEach(t -> blind.add(new Turn(t.text(), t.label(), 100_000 + t.conversation())));
        List<Turn> holdout = load("holdout");
        List<String> all = new ArrayList<>();
        Stream.of(curated, blind, holdout)
                .flatMap(List::stream)
                .forEach(t -> all.add(t.text().strip()));
        cache.embed(all);
        cache.save();
        int dimensions = cache.embed(List.of("hello")).getFirst().length;
        java.util.function.Function<List<Turn>, TurnClassifier> fit = part -> {
            // the questions of the knowledge base and the policy together count as much as the blind turns that talk
            long talk = part.stream()
                    .filter(t -> !t.label().equals(TurnClassifier.QUESTION))
                    .count();
            double questionWeight = Math.min(1.0, (double) talk / questions.size());
            List<TurnClassifier.Example> examples = new ArrayList<>();
            for (Turn turn : Stream.concat(curated.stream(), part.stream()).toList()) {
                boolean curatedQuestion =
                        turn.conversation() < 0 && turn.label().equals(TurnClassifier.QUESTION);
                examples.add(new TurnClassifier.Example(
                        turn.text().strip(),
                        cache.embed(List.of(turn.text().strip())).getFirst(),
                        turn.label(),
                        curatedQuestion ? questionWeight : 1.0));
            }
            return TurnClassifier.train(onnx.model(), dimensions, LABELS, examples, epochs, l2, 17);
        };
        ConversationPolicy policy = new ConversationPolicy(rules, encoder, shipped.questions(), List.of(), null);
        ConversationPolicy patterns = policy.withTurns(null);
        int folds = 5;
        TurnClassifier.Reading[] oof = new TurnClassifier.Reading[blind.size()];
        for (int fold = 0; fold < folds; fold++) {
            final int f = fold;
            TurnClassifier model = fit.apply(
                    blind.stream().filter(t -> t.conversation() % folds != f).toList());
            ConversationPolicy reading = policy.withTurns(model);
            for (int i = 0; i < blind.size(); i++) {
                if (blind.get(i).conversation() % folds == fold) {
                    oof[i] = reading.turnReading(blind.get(i).text()).orElse(null); // none for "?": no meaning to read
                }
            }
        }
        Decision[] base = blind.stream().map(t -> patterns.decide(t.text())).toArray(Decision[]::new);
        System.out.println("out of fold (training set and dev half, " + blind.size()
                + " turns), by threshold: conversational turns "
                + "answered as small talk | questions taken for small talk");
        double chosen = 0.95;
        for (int step = 95; step >= 20; step -= 5) {
            double t = step / 100.0;
            Figures f = figures(blind, i -> talks(base[i], blind.get(i).text(), oof[i], t, rules), null);
            System.out.printf("  %.2f  %s%n", t, f);
            if (f.questionsTaken() <= QUESTIONS_TAKEN * f.questions()) {
                chosen = t;
            }
        }
        double threshold = Double.parseDouble(RedFlagTrainer.option(options, "threshold", Double.toString(chosen)));
        System.out.printf(
                "threshold %.2f: the lowest at which out of fold at most %.0f %% of the questions are taken for small talk%n",
                threshold, 100 * QUESTIONS_TAKEN);
        if (options.contains("--misses")) {
            figures(
                    blind,
                    i -> talks(base[i], blind.get(i).text(), oof[i], threshold, rules),
                    i -> "%s -> %s %s (%s %.2f)"
                            .formatted(
                                    blind.get(i).text(),
                                    base[i].getClass().getSimpleName(),
                                    base[i].ruleId(),
                                    oof[i] == null ? "-" : oof[i].label(),
                                    oof[i] == null ? 0 : oof[i].probability()));
        }
        TurnClassifier learned = fit.apply(blind).withThreshold(threshold).withQuietable(QUIETABLE);
        // the urgency below which an alarm by meaning alone on a conversational turn is quieted: the highest that loses
        // no
        // urgent message of the red-flag dev half (the training set's are trained on as no small talk; the holdout is
        // never read here)
        List<String> urgent = new ArrayList<>();
        for (String name : List.of("dev")) {
            RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name).cases().stream()
                    .filter(RedFlagSet.Case::urgent)
                    .forEach(c -> urgent.add(c.turns().getLast()));
        }
        java.util.function.DoubleToLongFunction caught = u -> {
            ConversationPolicy quiet = policy.withTurns(learned.withQuietBelow(u));
            return urgent.stream()
                    .filter(text -> quiet.decide(text) instanceof Decision.Emergency)
                    .count();
        };
        long everyAlarm = caught.applyAsLong(0);
        double quietBelow = 0;
        for (int step = 5; step <= 100 * MAX_QUIET_BELOW; step += 5) {
            if (caught.applyAsLong(step / 100.0) < everyAlarm) {
                break;
            }
            quietBelow = step / 100.0;
        }
        quietBelow = Double.parseDouble(RedFlagTrainer.option(options, "quiet-below", Double.toString(quietBelow)));
        cache.save();
        System.out.printf(
                "quiet below %.2f: the highest urgency at which quieting a conversational turn's alarm by meaning loses "
                        + "none of the %d urgent messages of the red-flag dev half (%d caught; at most %.2f)%n",
                quietBelow, urgent.size(), everyAlarm, MAX_QUIET_BELOW);
        TurnClassifier finalModel = learned.withQuietBelow(quietBelow);
        ConversationPolicy loud = policy.withTurns(finalModel.withQuietBelow(0));
        ConversationPolicy shippedWay = policy.withTurns(finalModel);
        long turnAlarms = blind.stream()
                .filter(t -> loud.decide(t.text()) instanceof Decision.Emergency)
                .count();
        long turnAlarmsQuiet = blind.stream()
                .filter(t -> shippedWay.decide(t.text()) instanceof Decision.Emergency)
                .count();
        System.out.printf(
                "  urgent guidance on the training set's and dev half's %d turns (all calm): %d, quieted: %d%n",
                blind.size(), turnAlarms, turnAlarmsQuiet);
        if (options.contains("--alarms")) {
            blind.forEach(t -> {
                if (shippedWay.decide(t.text()) instanceof Decision.Emergency e) {
                    System.out.printf("    alarm [%s] %s -> %s%n", t.label(), t.text(), e.basis());
                }
            });
        }
        System.out.println("  holdout, patterns alone: "
                + figures(holdout, i -> patterns.decide(holdout.get(i).text()), null));
        System.out.println("  holdout:                 "
                + figures(holdout, i -> shippedWay.decide(holdout.get(i).text()), null));
        if (options.contains("--write")) {
            RedFlagTrainer.writeModel(TurnClassifier.RESOURCE, finalModel::write);
        }
    }

    /** The policy's decision, given the patterns' own and the learned reading at this threshold (as the policy decides). */
    private static Decision talks(
            Decision patterns, String text, TurnClassifier.Reading reading, double threshold, PolicyRules rules) {
        if (!(patterns instanceof Decision.AskKnowledgeBase || patterns instanceof Decision.Booking)
                || Words.of(text).size() > ConversationPolicy.MAX_TURN_WORDS
                || reading == null
                || !reading.conversational()
                || reading.probability() < threshold) {
            return patterns;
        }
        return rules.smallTalk().stream()
                .filter(rule -> rule.id().equals(reading.label()))
                .findFirst()
                .<Decision>map(
                        rule -> new Decision.SmallTalk(rule.id(), rule.reply(), rule.replyEs(), rule.offersHandoff()))
                .orElse(patterns);
    }

    /**
     * How the policy reads a set's turns, each alone: conversational turns answered as small talk (and by the rule of
     * their own kind), questions taken for small talk.
     */
    record Figures(
            int conversational,
            int answered,
            int sameKind,
            int questions,
            int questionsTaken,
            Map<String, int[]> byKind) {

        @Override
        public String toString() {
            StringBuilder kinds = new StringBuilder();
            byKind.forEach((k, v) -> kinds.append(" ")
                    .append(k)
                    .append(" ")
                    .append(v[0])
                    .append("/")
                    .append(v[1]));
            return "%d / %d (%.1f %%; %d of its own kind) | %d / %d (%.1f %%) |%s"
                    .formatted(
                            answered,
                            conversational,
                            100.0 * answered / conversational,
                            sameKind,
                            questionsTaken,
                            questions,
                            100.0 * questionsTaken / questions,
                            kinds);
        }
    }

    /** @param misses what to print of a turn the policy reads wrong (null: nothing) */
    static Figures figures(
            List<Turn> turns,
            java.util.function.IntFunction<Decision> decide,
            java.util.function.IntFunction<String> misses) {
        int conversational = 0;
        int answered = 0;
        int same = 0;
        int questions = 0;
        int taken = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            Decision decision = decide.apply(i);
            boolean talk = decision instanceof Decision.SmallTalk;
            boolean right = turn.label().equals(TurnClassifier.QUESTION) != talk;
            int[] k = byKind.computeIfAbsent(turn.label(), x -> new int[2]);
            k[0] += right ? 1 : 0;
            k[1]++;
            if (turn.label().equals(TurnClassifier.QUESTION)) {
                questions++;
                taken += talk ? 1 : 0;
            } else {
                conversational++;
                answered += talk ? 1 : 0;
                same += talk
                                && (decision.ruleId().equals(turn.label())
                                        || turn.label().equals("about-assistant")
                                                && decision.ruleId().equals("are-you-a-person"))
                        ? 1
                        : 0;
            }
            if (misses != null && !right) {
                System.out.printf("    miss [%s] %s%n", turn.label(), misses.apply(i));
            }
        }
        return new Figures(conversational, answered, same, questions, taken, byKind);
    }
}
