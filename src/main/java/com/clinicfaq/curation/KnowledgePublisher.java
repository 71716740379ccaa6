package com.clinicfaq.curation;

import com.clinicfaq.cluster.ClusterEvent;
import com.clinicfaq.cluster.ClusterEvents;
import com.clinicfaq.knowledge.KnowledgeBaseProperties;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.search.AnswerEngine;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a knowledge base: reads it whole (a file that does not read is refused with its file and line),
 * runs the {@link SafetyNet} against it, stores it as a new version, builds its index beside the one
 * serving and swaps them, and tells the other instances, which load the version within their poll
 * interval. Nothing a visitor can notice happens until the swap; a refused change leaves everything as it was.
 * A change that would answer wrong a check question the live version answers right is refused like a failing
 * check until an editor confirms those very answers ({@link SafetyNet.Report#nowWrongDigest}).
 */
@Service
public class KnowledgePublisher {

    private static final Logger log = LoggerFactory.getLogger(KnowledgePublisher.class);
    static final String FOLDER_USER = "knowledge-base folder";

    /** What became of a change. */
    public sealed interface Outcome {
        /** In force on this instance, and soon on the others. */
        record Published(KnowledgeVersions.Version version, SafetyNet.Report report) implements Outcome {}

        /** The files do not read: the message names the file and line. */
        record Invalid(String message) implements Outcome {}

        /** The files read, but the change would break safety cases or answers. */
        record Refused(SafetyNet.Report report) implements Outcome {}
    }

    /** A draft read and indexed on its own, to try before publishing. The caller closes it. */
    public record Preview(KnowledgeFiles.Parsed parsed, ConversationPolicy policy, AnswerEngine engine)
            implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    private final LiveKnowledge live;
    private final AnswerEngine engine;
    private final KnowledgeVersions versions;
    private final SafetyNet safetyNet;
    private final ClusterEvents cluster;
    private final TransactionTemplate transaction;
    private final KnowledgeBaseProperties properties;
    private final Clock clock;
    private final PolicyEncoder encoder;
    private final AtomicReference<String> folderProblem = new AtomicReference<>();

    KnowledgePublisher(
            LiveKnowledge live,
            AnswerEngine engine,
            KnowledgeVersions versions,
            SafetyNet safetyNet,
            ClusterEvents cluster,
            TransactionTemplate transaction,
            KnowledgeBaseProperties properties,
            Clock clock,
            PolicyEncoder encoder) {
        this.encoder = encoder;
        this.live = live;
        this.engine = engine;
        this.versions = versions;
        this.safetyNet = safetyNet;
        this.cluster = cluster;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param override publish even though the safety net fails (an administrator's knowing decision; recorded
     *     with the version)
     */
    public Outcome publish(KnowledgeFiles files, String by, String comment, boolean override) {
        return publish(files, by, comment, override, "");
    }

    /**
     * @param confirmed the digest of the check questions' answers that would go from right to wrong, as the editor
     *     read them and confirmed ({@link SafetyNet.Report#nowWrongDigest}); "" for none
     */
    public Outcome publish(KnowledgeFiles files, String by, String comment, boolean override, String confirmed) {
        return publish(files, by, comment, null, override, confirmed, null);
    }

    /** Publishes the files of an earlier version again, as a new version. */
    public Outcome restore(long version, String by, boolean override) {
        return restore(version, by, override, "");
    }

    /** @param confirmed as for {@link #publish(KnowledgeFiles, String, String, boolean, String)} */
    public Outcome restore(long version, String by, boolean override, String confirmed) {
        KnowledgeFiles files = versions.files(version);
        if (files.files().isEmpty()) {
            return new Outcome.Invalid("There is no version " + version + ".");
        }
        return publish(files, by, "Restored version " + version, version, override, confirmed, null);
    }

    /** Reads and indexes files without publishing them. */
    public Preview preview(KnowledgeFiles files) {
        KnowledgeFiles.Parsed parsed = files.parse();
        return new Preview(parsed, parsed.policy(encoder), engine.preview(parsed.knowledge()));
    }

    /** Why the files in the folder were not published, if they were not. */
    public String folderProblem() {
        return folderProblem.get();
    }

    private synchronized Outcome publish(
            KnowledgeFiles files,
            String by,
            String comment,
            Long restoredFrom,
            boolean override,
            String confirmed,
            String folderHash) {
        Preview preview;
        try {
            preview = preview(files);
        } catch (KnowledgeFiles.Invalid e) {
            return new Outcome.Invalid(e.getMessage());
        }
        try (preview) {
            LiveKnowledge.Live inForce = live.get();
            long start = System.nanoTime();
            SafetyNet.Report report = safetyNet
                    .check(
                            preview.parsed(),
                            preview.policy(),
                            preview.engine(),
                            new SafetyNet.Live(inForce.version(), inForce.knowledge(), inForce.policy(), engine))
                    .confirming(confirmed);
            log.debug("Safety net ran in {} ms", (System.nanoTime() - start) / 1_000_000);
            if (!report.passed() && !override) {
                return new Outcome.Refused(report);
            }
            KnowledgeVersions.Version version = transaction.execute(status -> {
                KnowledgeVersions.Version stored = versions.insert(
                        files, by, comment, restoredFrom, !report.passed(), folderHash, clock.instant());
                cluster.tellOthers(ClusterEvent.KNOWLEDGE_PUBLISHED, Long.toString(stored.id()));
                return stored;
            });
            apply(version.id(), files, preview.parsed());
            log.info(
                    "Published knowledge version {} by {}{}",
                    version.id(),
                    by,
                    report.passed() ? "" : " over failing safety checks");
            return new Outcome.Published(version, report);
        }
    }

    /** Another instance published: load that version, unless a newer one is already in force. */
    @EventListener(condition = "#event.kind() == T(com.clinicfaq.cluster.ClusterEvent).KNOWLEDGE_PUBLISHED")
    void publishedElsewhere(ClusterEvent event) {
        long version = Long.parseLong(event.ref());
        if (version <= live.version()) {
            return;
        }
        KnowledgeFiles files = versions.files(version);
        apply(version, files, files.parse());
        log.info("Knowledge version {} published by another instance is in force", version);
    }

    /** Publishes the folder's files when they changed since they were last published (if so configured). */
    @Scheduled(initialDelay = 0, fixedDelayString = "${clinicfaq.knowledge-base.folder-check-interval:5s}")
    void followFolder() {
        checkFirstVersion();
        if (!properties.followFolder() || !Files.isDirectory(properties.path())) {
            return;
        }
        KnowledgeFiles files = KnowledgeFiles.fromFolder(properties.path());
        String hash = files.hash();
        if (versions.lastFolderHash().filter(hash::equals).isPresent() || hash.equals(refusedFolderHash)) {
            return;
        }
        Outcome outcome =
                publish(files, FOLDER_USER, "Changed files in the knowledge-base folder", null, false, "", hash);
        switch (outcome) {
            case Outcome.Published published -> folderProblem.set(null);
            case Outcome.Invalid invalid -> refuseFolder(hash, invalid.message());
            case Outcome.Refused refused ->
                refuseFolder(
                        hash,
                        refused.report().failures().stream()
                                .map(f -> f.check() + ": " + f.detail())
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""));
        }
    }

    private volatile String refusedFolderHash;
    private volatile boolean firstVersionChecked;
    private volatile SafetyNet.Report firstVersionReport;

    /**
     * On an empty database the folder becomes the first version at start, before any engine exists to check it: the
     * safety net runs on it once the service is up, and what fails is shown to staff like a refused folder change
     * (the version keeps serving: there is no other to serve). Its articles' check questions are asked too, with no
     * live version to compare with: their figures are logged.
     */
    private void checkFirstVersion() {
        if (firstVersionChecked || !live.firstReadFromFolder() || !properties.checkFirstVersion()) {
            return;
        }
        firstVersionChecked = true;
        LiveKnowledge.Live first = live.get();
        SafetyNet.Report report = safetyNet.check(first.files().parse(), first.policy(), engine, null);
        firstVersionReport = report;
        report.articles().forEach(article -> log.info("Knowledge version {}: {}", first.version(), article.summary()));
        if (!report.passed()) {
            String problem = "version " + first.version()
                    + " was read from the folder on an empty database and fails the safety net: "
                    + report.failures().stream()
                            .map(f -> f.check() + ": " + f.detail())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("");
            folderProblem.compareAndSet(null, problem);
            log.error("Knowledge {}", problem);
        } else {
            log.info(
                    "Knowledge version {}, read from the folder on an empty database, passes the safety net",
                    first.version());
        }
    }

    /** What the safety net found in the first version, read from the folder on an empty database, once it ran. */
    java.util.Optional<SafetyNet.Report> firstVersionReport() {
        return java.util.Optional.ofNullable(firstVersionReport);
    }

    private void refuseFolder(String hash, String problem) {
        refusedFolderHash = hash;
        folderProblem.set(problem);
        log.error(
                "The changed files in the knowledge-base folder were not published; version {} keeps serving: {}",
                live.version(),
                problem);
    }

    private synchronized void apply(long version, KnowledgeFiles files, KnowledgeFiles.Parsed parsed) {
        if (version <= live.version()) {
            return;
        }
        AnswerEngine.IndexStats stats = engine.rebuild(parsed.knowledge());
        live.replace(new LiveKnowledge.Live(version, parsed.knowledge(), parsed.policy(encoder), files));
        log.info(
                "Knowledge version {} in force: {} items indexed in {} ms",
                version,
                stats.items(),
                stats.buildMillis());
    }

    List<KnowledgeVersions.Version> history(int limit) {
        return versions.list(limit);
    }
}
