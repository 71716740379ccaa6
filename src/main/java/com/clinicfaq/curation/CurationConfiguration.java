package com.clinicfaq.curation;

import com.clinicfaq.knowledge.KnowledgeBaseProperties;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.Embedder;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CurationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CurationConfiguration.class);

    /**
     * The newest published version; on an empty database, the knowledge-base folder becomes version 1.
     * Files that cannot be read stop the start only then, when there is no earlier version to serve.
     */
    /** The embedding model, lent to the policy to recognise emergencies by meaning. */
    @Bean
    PolicyEncoder policyEncoder(Embedder embedder, ObjectProvider<AnswerEngine> engine) {
        return new PolicyEncoder(embedder, () -> {
            AnswerEngine available = engine.getIfAvailable();
            return available == null ? null : available.questionEmbedder();
        });
    }

    @Bean
    LiveKnowledge liveKnowledge(
            KnowledgeVersions versions,
            KnowledgeBaseProperties properties,
            TransactionTemplate transaction,
            Clock clock,
            PolicyEncoder encoder) {
        boolean empty = versions.latest().isEmpty();
        KnowledgeVersions.Version version = versions.latest()
                .orElseGet(() -> transaction.execute(status -> {
                    KnowledgeFiles folder = KnowledgeFiles.fromFolder(properties.path());
                    try {
                        folder.parse();
                    } catch (KnowledgeFiles.Invalid e) {
                        throw new IllegalStateException(
                                "The knowledge base in "
                                        + properties.path().toAbsolutePath().normalize()
                                        + " cannot be read, and there is no earlier version to serve: "
                                        + e.getMessage(),
                                e);
                    }
                    return versions.insert(
                            folder,
                            KnowledgePublisher.FOLDER_USER,
                            "Read from the knowledge-base folder",
                            null,
                            false,
                            folder.hash(),
                            clock.instant());
                }));
        KnowledgeFiles files = versions.files(version.id());
        KnowledgeFiles.Parsed parsed = files.parse();
        log.info(
                "Knowledge version {}: {} articles, {} FAQs, {} synonym rules, {} out-of-scope topics",
                version.id(),
                parsed.knowledge().articles().size(),
                parsed.knowledge().faqs().size(),
                parsed.knowledge().synonyms().size(),
                parsed.knowledge().outOfScope().size());
        return new LiveKnowledge(
                new LiveKnowledge.Live(version.id(), parsed.knowledge(), parsed.policy(encoder), files), empty);
    }
}
