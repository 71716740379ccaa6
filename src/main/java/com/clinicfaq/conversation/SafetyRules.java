package com.clinicfaq.conversation;

import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseProperties;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.PolicyRulesReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety rules in force ({@code knowledge-base/policy.yml}). The file is checked every few
 * seconds and re-read when it changes; a file that fails validation is refused with its line and
 * the rules in force stay.
 */
@Component
public class SafetyRules {

    private static final Logger log = LoggerFactory.getLogger(SafetyRules.class);

    private final Path folder;
    private final List<String> ordinaryQuestions;
    private final AtomicReference<ConversationPolicy> current = new AtomicReference<>();
    private volatile FileTime loadedModified;

    SafetyRules(KnowledgeBaseProperties properties, KnowledgeBase knowledge) {
        this.folder = properties.path();
        this.ordinaryQuestions = knowledge.faqs().stream()
                .flatMap(faq -> Stream.concat(Stream.of(faq.question()), faq.phrasings().stream()))
                .toList();
        FileTime modified = modified();
        current.set(new ConversationPolicy(new PolicyRulesReader().read(folder, ordinaryQuestions)));
        loadedModified = modified;
        log.info("Safety rules read from {}", folder.resolve(PolicyRulesReader.FILE));
    }

    public ConversationPolicy current() {
        return current.get();
    }

    /** Re-reads the rules if the file changed; returns whether new rules are in force. */
    @Scheduled(fixedDelayString = "${clinicfaq.chat.rules-check-interval:5s}")
    public boolean reloadIfChanged() {
        FileTime modified = modified();
        if (modified == null || modified.equals(loadedModified)) {
            return false;
        }
        loadedModified = modified;
        try {
            current.set(new ConversationPolicy(new PolicyRulesReader().read(folder, ordinaryQuestions)));
            log.info("Safety rules re-read from {}", folder.resolve(PolicyRulesReader.FILE));
            return true;
        } catch (RuntimeException e) {
            log.error("Safety rules not changed: {}", e.getMessage());
            return false;
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(folder.resolve(PolicyRulesReader.FILE));
        } catch (IOException e) {
            return null;
        }
    }

}
