package com.clinicfaq.curation;

import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.PolicyRules;
import com.clinicfaq.policy.PolicyRulesReader;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.Embedder;
import com.clinicfaq.search.Scoring;
import com.clinicfaq.search.OnnxEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints the policy's red-flag figures on the blind red-flag set, per half and per kind:
 * {@code ./mvnw -q test-compile exec:exec@red-flags}. With {@code --misses} it lists the dev half's misses (never
 * the holdout's: tune on dev only); with {@code --holdout-misses} the holdout's, for the closing report.
 */
public final class RedFlagCommand {

    /**
     * What a visitor's message costs in process, as the chat takes it: the policy (patterns, then meaning, every
     * sentence embedded) and, for a question, the answer engine. Nothing is remembered between messages (no question
     * memory), so every message is embedded afresh: the worst case.
     */
    private static void latency(KnowledgeBase knowledge, Embedder embedder, ConversationPolicy policy) {
        try (AnswerEngine engine = new AnswerEngine(knowledge, embedder, Scoring.CALIBRATED)) {
            List<String> questions = new ArrayList<>();
            for (String name : EvaluationSet.NAMES) {
                EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, name).questions().forEach(q -> questions.add(q.text()));
            }
            List<String> redFlags = new ArrayList<>();
            for (String name : RedFlagSet.NAMES) {
                RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name).cases().forEach(c -> redFlags.add(c.message()));
            }
            time("the evaluation questions", questions, policy, engine);
            time("the red-flag sets' last turns (longer, often several sentences)", redFlags, policy, engine);
        }
    }

    private static void time(String what, List<String> messages, ConversationPolicy policy, AnswerEngine engine) {
        {
            for (int warm = 0; warm < 3; warm++) {
                messages.forEach(m -> reply(policy, engine, m));
            }
            List<Double> policyMillis = new ArrayList<>();
            List<Double> totalMillis = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String m : messages) {
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
            System.out.printf("%d messages (%s), 3 rounds after 3 to warm up%n", messages.size(), what);
            System.out.println("policy alone:        " + percentiles(policyMillis));
            System.out.println("policy and answer:   " + percentiles(totalMillis));
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
        java.util.function.DoubleUnaryOperator at = q -> sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
        return "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms".formatted(at.applyAsDouble(0.5), at.applyAsDouble(0.9),
                at.applyAsDouble(0.99), sorted.getLast());
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        List<String> options = Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("\\s+"))).toList();
        Path folder = Path.of("knowledge-base");
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(folder);
        List<String> questions = knowledge.faqs().stream()
                .flatMap(faq -> Stream.concat(Stream.of(faq.question()), faq.phrasings().stream())).toList();
        PolicyRules rules = new PolicyRulesReader().read(folder, questions);
        Embedder embedder = OnnxEmbedder.allMiniLmL6V2();
        long start = System.nanoTime();
        ConversationPolicy policy = new ConversationPolicy(rules, new PolicyEncoder(embedder), questions);
        System.out.printf("Policy with %d curated messages encoded in %d ms%n", rules.emergency().stream()
                .mapToInt(r -> r.examples().size() + r.similar().size()).sum() + rules.notEmergencies().size(),
                (System.nanoTime() - start) / 1_000_000);
        if (options.contains("--timing")) {
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                ConversationPolicy checking = policy.withEncoder(new PolicyEncoder(embedder).forCuratedMessages());
                long t1 = System.nanoTime();
                int n = 0;
                for (String name : RedFlagSet.NAMES) {
                    n += RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name).run(checking).outcomes().size();
                }
                long t2 = System.nanoTime();
                ConversationPolicy patternsOnly = new ConversationPolicy(rules);
                for (String name : RedFlagSet.NAMES) {
                    RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name).run(patternsOnly);
                }
                long t3 = System.nanoTime();
                System.out.printf("round %d: policy built in %d ms; %d cases in %d ms; patterns only %d ms%n", round,
                        (t1 - t0) / 1_000_000, n, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            }
            return;
        }
        if (options.contains("--latency")) {
            latency(knowledge, embedder, new ConversationPolicy(rules, new PolicyEncoder(embedder), questions));
            return;
        }
        List<String> names = new ArrayList<>(RedFlagSet.NAMES);
        if (RedFlagSet.exists(RedFlagSet.PROJECT_CHECKS, "train")) {
            names.add("train"); // the learned layer's training set, blind to the patterns
        }
        for (String name : names) {
            RedFlagSet.Result result = RedFlagSet.load(Path.of(System.getProperty("red-flags.checks", RedFlagSet.PROJECT_CHECKS.toString())), name).run(policy);
            System.out.println(result.summary());
            result.byKind().forEach((kind, counts) -> System.out.printf("    %-34s %3d / %3d%n", kind, counts[0], counts[1]));
            boolean show = !name.equals("holdout") ? options.contains("--misses") : options.contains("--holdout-misses");
            if (show) {
                for (RedFlagSet.Outcome miss : result.misses()) {
                    String got = miss.decision() instanceof Decision.Emergency e ? "EMERGENCY " + e.ruleId() + " [" + e.basis() + "]"
                            : miss.decision().getClass().getSimpleName() + " " + policy.closestRedFlag(miss.c().message()).orElse("");
                    System.out.printf("  %s %s %s: %s%n      -> %s%n", miss.c().id(), miss.c().kind(), miss.c().styles(),
                            String.join(" || ", miss.c().turns()), got);
                }
            }
        }
    }
}
