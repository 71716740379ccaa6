package com.clinicfaq.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    /**
     * The knowledge base as the files say at start-up. A file that cannot be read stops the start
     * with its name and line: there is no earlier version to fall back on yet.
     */
    @Bean
    KnowledgeBase knowledgeBase(KnowledgeBaseProperties properties) {
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(properties.path());
        log.info("Read the knowledge base from {}: {} articles, {} FAQs, {} synonym rules, {} out-of-scope topics",
                properties.path().toAbsolutePath().normalize(), knowledge.articles().size(), knowledge.faqs().size(),
                knowledge.synonyms().size(), knowledge.outOfScope().size());
        return knowledge;
    }
}
