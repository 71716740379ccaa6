package com.clinicfaq.curation;

import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.Embedder;
import com.clinicfaq.search.OnnxEmbedder;
import com.clinicfaq.search.RememberingEmbedder;
import com.clinicfaq.search.Scoring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the safety net costs a publish on the shipped knowledge base: the engine and the policy as the service builds
 * them (the question memory of its default size), a draft that adds one phrasing, indexed on its own as a publish
 * does; then the net run against it, the first time after start (nothing of the live version's known yet) and again
 * (as every later publish). {@code ./mvnw -q test-compile exec:exec@safety-net-timing}; another knowledge-base folder
 * holding the kyphoplasty article (a library) with {@code -Dsafety-net-timing.args=<folder>}: the net's own sets are
 * the project's.
 */
public final class SafetyNetTimingCommand {

    static final int RUNS = 5;

    private SafetyNetTimingCommand() {}

    /** The CPU time of the whole process: what the net costs, however busy the machine is with other work. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        Path folder = Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "knowledge-base");
        Embedder model = OnnxEmbedder.allMiniLmL6V2();
        Embedder questions = RememberingEmbedder.of(model, 10_000);
        PolicyEncoder encoder = new PolicyEncoder(model, () -> questions);
        KnowledgeFiles liveFiles = KnowledgeFiles.fromFolder(folder);
        KnowledgeFiles.Parsed live = liveFiles.parse();
        String faqs = "faqs/kyphoplasty-compression-fractures.md";
        KnowledgeFiles draftFiles = liveFiles.with(
                faqs,
                liveFiles
                        .files()
                        .get(faqs)
                        .replaceFirst(
                                "(?m)^(## How long does the procedure take\\?.*\\n(?:.*\\n)*?)(\\n)",
                                "$1? how many hours will i be there\n$2"));
        KnowledgeFiles.Parsed draft = draftFiles.parse();
        SafetyNet net = new SafetyNet(EvaluationSet.PROJECT_CHECKS, encoder);
        try (AnswerEngine engine = new AnswerEngine(live.knowledge(), questions, Scoring.CALIBRATED)) {
            ConversationPolicy livePolicy = live.policy(encoder);
            List<Long> millis = new ArrayList<>();
            List<Long> cpuMillisAll = new ArrayList<>();
            for (int run = 0; run <= RUNS; run++) {
                long start = System.nanoTime();
                try (AnswerEngine preview = engine.preview(draft.knowledge())) {
                    long built = System.nanoTime();
                    long cpu = cpu();
                    SafetyNet.Report report = net.check(
                            draft,
                            draft.policy(encoder),
                            preview,
                            new SafetyNet.Live(1, live.knowledge(), livePolicy, engine));
                    long checked = System.nanoTime();
                    long cpuMillis = (cpu() - cpu) / 1_000_000;
                    millis.add((checked - built) / 1_000_000);
                    cpuMillisAll.add(cpuMillis);
                    System.out.printf(
                            "run %d: draft indexed in %d ms, safety net %d ms, %d ms of CPU (%s; %d failures)%n",
                            run,
                            (built - start) / 1_000_000,
                            (checked - built) / 1_000_000,
                            cpuMillis,
                            report.passed() ? "passed" : "failed",
                            report.failures().size());
                    if (run == 0) {
                        report.figures().forEach(f -> System.out.println("  " + f));
                        report.failures().forEach(f -> System.out.println("  FAILURE " + f));
                    }
                    long checksStart = System.nanoTime();
                    long checksCpu = cpu();
                    ArticleChecks.run(
                            draft.knowledge(), draft.checks(), preview::answer, live.knowledge(), engine::answer);
                    System.out.printf(
                            "  the articles' %d check questions alone, asked of both versions (no live answer remembered): %d ms, %d ms of CPU%n",
                            draft.checks().values().stream()
                                    .mapToInt(List::size)
                                    .sum(),
                            (System.nanoTime() - checksStart) / 1_000_000,
                            (cpu() - checksCpu) / 1_000_000);
                }
            }
            List<Long> later = new ArrayList<>(millis.subList(1, millis.size()));
            later.sort(null);
            List<Long> laterCpu = new ArrayList<>(cpuMillisAll.subList(1, cpuMillisAll.size()));
            laterCpu.sort(null);
            System.out.printf(
                    "safety net: first run %d ms (%d ms of CPU), later runs median %d ms (%d ms of CPU; of %d)%n",
                    millis.getFirst(),
                    cpuMillisAll.getFirst(),
                    later.get(later.size() / 2),
                    laterCpu.get(laterCpu.size() / 2),
                    later.size());
        }
    }
}
