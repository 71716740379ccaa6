package com.clinicfaq.knowledge;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the curated knowledge base lives.
 *
 * @param path the knowledge-base folder (see {@code knowledge-base/README.md})
 */
@ConfigurationProperties("clinicfaq.knowledge-base")
public record KnowledgeBaseProperties(@DefaultValue("knowledge-base") Path path) {}
