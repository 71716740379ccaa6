package com.clinicfaq.curation;

import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.PolicyRules;
import com.clinicfaq.policy.PolicyRulesReader;
import com.clinicfaq.search.Embedder;
import com.clinicfaq.search.OnnxEmbedder;
import java.nio.file.Path;
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
        ConversationPolicy policy = new ConversationPolicy(rules, new PolicyEncoder(embedder));
        System.out.printf("Policy with %d curated messages encoded in %d ms%n", rules.emergency().stream()
                .mapToInt(r -> r.examples().size() + r.similar().size()).sum() + rules.notEmergencies().size(),
                (System.nanoTime() - start) / 1_000_000);
        for (String name : RedFlagSet.NAMES) {
            RedFlagSet.Result result = RedFlagSet.load(Path.of(System.getProperty("red-flags.checks", RedFlagSet.PROJECT_CHECKS.toString())), name).run(policy);
            System.out.println(result.summary());
            result.byKind().forEach((kind, counts) -> System.out.printf("    %-34s %3d / %3d%n", kind, counts[0], counts[1]));
            boolean show = name.equals("dev") ? options.contains("--misses") : options.contains("--holdout-misses");
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
