package com.clinicfaq.curation;

import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.PolicyRules;
import com.clinicfaq.policy.PolicyRulesReader;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.Embedder;
import com.clinicfaq.search.OnnxEmbedder;
import com.clinicfaq.search.Scoring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints the policy's red-flag figures on the blind red-flag set, per half and per kind:
 * {@code ./mvnw -q test-compile exec:exec@red-flags}. With {@code --misses} it lists the dev half's misses (never
 * the holdout's: tune on dev only); with {@code --holdout-misses} the holdout's, for the closing report. The unseen2,
 * unseen3, unseen8, unseen10 and unseen11 sets' misses are never listed: they are kept for figures on authors nobody has read
 * (unseen8's missed urgent messages alone were read, with {@code --urgent-misses}; unseen4's are listed
 * with {@code --misses} since session 29 read its false alarms, unseen5's since session 30, unseen6's, unseen7's and
 * train2's since session 31, when a new set written that session took their place, unseen9's since session 32); {@code
 * --urgent-misses=<set>} lists a set's missed urgent messages alone, its false alarms left unread. {@code
 * --ask=<file>} reads each line of a file of one's own messages (a class being studied) and prints what the policy
 * decided and why.
 */
public final class RedFlagCommand {

    private static boolean SHOW_SLOWEST;

    /** --questions-only: time the evaluation questions alone (for a profile of their cost). */
    private static boolean QUESTIONS_ONLY;

    /**
     * What a visitor's message costs in process, as the chat takes it: the policy (patterns, then meaning, every
     * sentence embedded) and, for a question, the answer engine. Nothing is remembered from one message to the next,
     * so every message is embedded afresh, as if never asked before: the worst case. Within a message the policy and
     * the engine share its vectors as they do in the service, through the engine's question memory (here one that
     * forgets everything before each message); with {@code --no-sharing} they do not, and a question is embedded twice.
     */
    private static void latency(
            KnowledgeBase knowledge, Embedder model, PolicyRules rules, List<String> faqQuestions, boolean sharing) {
        OneMessageMemory memory = new OneMessageMemory(model);
        Embedder embedder = sharing ? memory : model;
        ConversationPolicy policy =
                new ConversationPolicy(rules, new PolicyEncoder(model, () -> embedder), faqQuestions);
        try (AnswerEngine engine = new AnswerEngine(knowledge, embedder, Scoring.CALIBRATED)) {
            List<String> questions = new ArrayList<>();
            for (String name : EvaluationSet.NAMES) {
                EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, name)
                        .questions()
                        .forEach(q -> questions.add(q.text()));
            }
            List<String> redFlags = new ArrayList<>();
            for (String name : RedFlagSet.NAMES) {
                RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name).cases().forEach(c -> redFlags.add(c.message()));
            }
            System.out.println(
                    sharing
                            ? "The policy and the engine share a message's vectors, as in the service"
                            : "The policy and the engine do not share a message's vectors");
            time("the evaluation questions", questions, 10, policy, engine, memory);
            if (QUESTIONS_ONLY) {
                return;
            }
            time(
                    "the red-flag sets' last turns (longer, often several sentences)",
                    redFlags,
                    3,
                    policy,
                    engine,
                    memory);
            time("the longest messages the chat takes, built to cost the most", longest(), 3, policy, engine, memory);
        }
    }

    /**
     * Messages of nearly 2,000 characters (the chat's default limit): 150 short distinct sentences, one sentence of
     * 400 words, 40 ordinary sentences ending in an emergency. Each sentence is read by the patterns and embedded.
     */
    private static List<String> longest() {
        List<String> messages = new ArrayList<>();
        for (int variant = 0; variant < 10; variant++) {
            StringBuilder tiny = new StringBuilder();
            for (int i = 0; tiny.length() < 1980; i++) {
                tiny.append("is it %d or %d now. ".formatted(variant * 1000 + i, i));
            }
            messages.add(tiny.toString().strip());
            StringBuilder words = new StringBuilder();
            for (int i = 0; words.length() < 1980; i++) {
                words.append(List.of("pain", "back", "after", "the", "shot", "leg", "and", "my")
                                .get((i + variant) % 8))
                        .append(' ');
            }
            messages.add(words.toString().strip());
            StringBuilder sentences = new StringBuilder();
            for (int i = 0; sentences.length() < 1900; i++) {
                sentences.append("Day %d after the procedure was fine. ".formatted(variant * 100 + i));
            }
            messages.add(sentences
                    .append("Now my left arm and leg went numb and I can't lift them.")
                    .toString());
        }
        return messages;
    }

    private static void time(
            String what,
            List<String> messages,
            int rounds,
            ConversationPolicy policy,
            AnswerEngine engine,
            OneMessageMemory memory) {
        {
            for (int warm = 0; warm < 3; warm++) {
                messages.forEach(m -> {
                    memory.forget();
                    reply(policy, engine, m);
                });
            }
            List<Double> policyMillis = new ArrayList<>();
            List<Double> totalMillis = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String m : messages) {
                    memory.forget();
                    long start = System.nanoTime();
                    Decision decision = policy.decide(m);
                    long decided = System.nanoTime();
                    if (decision instanceof Decision.AskKnowledgeBase || decision instanceof Decision.NeedsClinician) {
                        engine.answer(m);
                    }
                    long end = System.nanoTime();
                    policyMillis.add((decided - start) / 1e6);
                    totalMillis.add((end - start) / 1e6);
                }
            }
            System.out.printf("%d messages (%s), %d rounds after 3 to warm up%n", messages.size(), what, rounds);
            System.out.println("policy alone:        " + percentiles(policyMillis));
            System.out.println("policy and answer:   " + percentiles(totalMillis));
            if (SHOW_SLOWEST) {
                Map<String, Double> slowest = new HashMap<>();
                for (int i = 0; i < totalMillis.size(); i++) {
                    slowest.merge(messages.get(i % messages.size()), totalMillis.get(i), Math::min);
                }
                slowest.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(8)
                        .forEach(e -> System.out.printf(
                                "    fastest of the rounds %.2f ms: %s%n",
                                e.getValue(),
                                e.getKey().length() > 100 ? e.getKey().substring(0, 100) + "…" : e.getKey()));
            }
        }
    }

    private static void reply(ConversationPolicy policy, AnswerEngine engine, String message) {
        Decision decision = policy.decide(message);
        if (decision instanceof Decision.AskKnowledgeBase || decision instanceof Decision.NeedsClinician) {
            engine.answer(message);
        }
    }

    private static String percentiles(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        java.util.function.DoubleUnaryOperator at =
                q -> sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
        return "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms"
                .formatted(at.applyAsDouble(0.5), at.applyAsDouble(0.9), at.applyAsDouble(0.99), sorted.getLast());
    }

    /**
     * {@code --ask=<file>}: each line of the file a message, each read alone through the policy as a visitor's first
     * message, with what it decided and why (for staff reading a class of messages; blank lines and "#" lines skipped).
     */
    private static void ask(ConversationPolicy policy, Path file) {
        try {
            for (String line : java.nio.file.Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Decision decision = policy.decide(line.strip());
                String got = decision instanceof Decision.Emergency e
                        ? "EMERGENCY " + e.ruleId() + " [" + e.basis() + "]"
                        : decision.getClass().getSimpleName() + " "
                                + policy.closestRedFlag(line.strip()).orElse("");
                System.out.printf("%s%n      -> %s%n", line.strip(), got);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        List<String> options =
                Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("\\s+"))).toList();
        Path folder = Path.of("knowledge-base");
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(folder);
        List<String> questions = knowledge.faqs().stream()
                .flatMap(faq -> Stream.concat(Stream.of(faq.question()), faq.phrasings().stream()))
                .toList();
        PolicyRules rules = new PolicyRulesReader().read(folder, questions);
        Embedder embedder = OnnxEmbedder.allMiniLmL6V2();
        long start = System.nanoTime();
        ConversationPolicy policy = new ConversationPolicy(rules, new PolicyEncoder(embedder), questions);
        System.out.printf(
                "Policy with %d curated messages encoded in %d ms%n",
                rules.emergency().stream()
                                .mapToInt(r -> r.examples().size() + r.similar().size())
                                .sum()
                        + rules.notEmergencies().size(),
                (System.nanoTime() - start) / 1_000_000);
        if (options.contains("--timing")) {
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                ConversationPolicy checking = policy.withEncoder(new PolicyEncoder(embedder).forCuratedMessages());
                long t1 = System.nanoTime();
                int n = 0;
                for (String name : RedFlagSet.NAMES) {
                    n += RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name)
                            .run(checking)
                            .outcomes()
                            .size();
                }
                long t2 = System.nanoTime();
                ConversationPolicy patternsOnly = new ConversationPolicy(rules);
                for (String name : RedFlagSet.NAMES) {
                    RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name).run(patternsOnly);
                }
                long t3 = System.nanoTime();
                System.out.printf(
                        "round %d: policy built in %d ms; %d cases in %d ms; patterns only %d ms%n",
                        round, (t1 - t0) / 1_000_000, n, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            }
            return;
        }
        java.util.Optional<String> ask = options.stream()
                .filter(o -> o.startsWith("--ask="))
                .map(o -> o.substring(6))
                .findFirst();
        if (ask.isPresent()) {
            ask(policy, Path.of(ask.get()));
            return;
        }
        SHOW_SLOWEST = options.contains("--slowest");
        QUESTIONS_ONLY = options.contains("--questions-only");
        if (options.contains("--latency")) {
            latency(knowledge, embedder, rules, questions, !options.contains("--no-sharing"));
            return;
        }
        List<String> names = new ArrayList<>(RedFlagSet.NAMES);
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "train")) {
            names.add("train"); // the learned layer's training set, blind to the patterns
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "fresh")) {
            names.add("fresh"); // new blind authors, trained on by nothing yet
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen")) {
            names.add("unseen"); // five more blind authors, whose messages no one read before the figures were taken
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen2")) {
            names.add(
                    "unseen2"); // three more blind authors (2026-12-05, session 12): read for figures only, its misses
            // never listed
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen3")) {
            names.add("unseen3"); // three more, written as training data and not trained on: figures only, like unseen2
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen4")) {
            names.add("unseen4"); // two more (session 28), written after every other set was read: figures only
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen5")) {
            // five more (session 29), written after every other set was read: its three missed urgent messages were
            // read for the classes they stood for in session 29, its false alarms in session 30 (once unseen6 was
            // written to be the never-read set)
            names.add("unseen5");
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "train2")) {
            // six more (session 30), written as training data; the retrained layer was not shipped, so nothing has
            // learned from it: figures only, like unseen6
            names.add("train2");
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen7")) {
            names.add("unseen7"); // five more (end of session 30), written after every other set was read: figures only
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen6")) {
            names.add("unseen6"); // five more (session 30), written after every other set was read: figures only
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "train3")) {
            // session 31: both sides of the boundary between handling medicines and an overdose or a stash, written
            // blind as training data
            names.add("train3");
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen8")) {
            // six more voices (session 31), written after every other set was read: its missed urgent messages read
            names.add("unseen8");
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen9")) {
            names.add("unseen9"); // six more voices (end of session 31), written after every other set was read
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen10")) {
            // new voices (session 32: dictation, all capitals, a teenager for a grandparent, an aide's shorthand,
            // Spanish of five countries), written after every other set was read
            names.add("unseen10");
        }
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "unseen11")) {
            // more voices (session 32: urgent messages asked as calm questions, understatement, euphemism, lists;
            // Spanish of seven countries), written after every other set was read
            names.add("unseen11");
        }
        for (String name : names) {
            RedFlagSet.Result result = RedFlagSet.load(
                            Path.of(System.getProperty("red-flags.checks", RedFlagSet.PROJECT_CHECKS.toString())), name)
                    .run(policy);
            System.out.println(result.summary());
            result.byKind()
                    .forEach((kind, counts) -> System.out.printf("    %-34s %3d / %3d%n", kind, counts[0], counts[1]));
            boolean show = switch (name) {
                case "holdout" -> options.contains("--holdout-misses");
                case "unseen2", "unseen3", "unseen8", "unseen10", "unseen11" -> false;
                default -> options.contains("--misses");
            };
            // a never-read set's missed urgent messages alone, to learn what class each stands for (its false alarms
            // stay unread): --urgent-misses=unseen6
            boolean urgentOnly = options.contains("--urgent-misses=" + name);
            if (show || urgentOnly) {
                for (RedFlagSet.Outcome miss : result.misses()) {
                    if (urgentOnly && !show && !miss.c().urgent()) {
                        continue;
                    }
                    String got = miss.decision() instanceof Decision.Emergency e
                            ? "EMERGENCY " + e.ruleId() + " [" + e.basis() + "]"
                            : miss.decision().getClass().getSimpleName() + " "
                                    + policy.closestRedFlag(miss.c().message()).orElse("");
                    System.out.printf(
                            "  %s %s %s: %s%n      -> %s%n",
                            miss.c().id(),
                            miss.c().kind(),
                            miss.c().styles(),
                            String.join(" || ", miss.c().turns()),
                            got);
                }
            }
        }
        ordinaryQuestions(policy, options.contains("--misses"));
    }

    /**
     * Ordinary questions about the sample articles, written blind for the library's evaluation (issue #14), each alone:
     * how many get urgent guidance. Most are calm (a few describe a real emergency: "he suddenly couldn't control his
     * bladder"), so this counts false alarms on questions that never set out to look alarming. Only the dev half's are
     * listed with {@code --misses}.
     */
    private static void ordinaryQuestions(ConversationPolicy policy, boolean list) {
        for (String half : List.of("dev", "holdout", "es")) {
            int asked = 0;
            int urgent = 0;
            for (String article : LibraryEvaluationCommand.ARTICLES) {
                if (!java.nio.file.Files.exists(LibraryEvaluationCommand.SETS.resolve(article + "-" + half + ".csv"))) {
                    continue;
                }
                for (LibraryEvaluationCommand.Question question : LibraryEvaluationCommand.load(article, half)) {
                    asked++;
                    if (policy.decide(question.text()) instanceof Decision.Emergency e) {
                        urgent++;
                        if (list && half.equals("dev")) {
                            System.out.printf("  library dev: %s%n      -> %s%n", question.text(), e.ruleId());
                        }
                    }
                }
            }
            System.out.printf("library questions (%s): %d of %d given urgent guidance%n", half, urgent, asked);
        }
    }
}
