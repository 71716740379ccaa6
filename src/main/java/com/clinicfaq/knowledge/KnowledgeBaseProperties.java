package com.clinicfaq.knowledge;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the curated knowledge base lives.
 *
 * @param path the knowledge-base folder (see {@code knowledge-base/README.md}): the first version on a new
 *     database, and the evaluation and safety cases in its {@code checks/}
 * @param followFolder whether changed files in the folder are published as a new version (checked every
 *     {@code folderCheckInterval}); off, the folder is read once, into an empty database
 * @param checkFirstVersion whether the version read from the folder into an empty database is run through the
 *     publish safety net once the service is up (what fails is shown to staff; the tests turn it off where they do
 *     not test it, as every test context starts on an empty database)
 */
@ConfigurationProperties("clinicfaq.knowledge-base")
public record KnowledgeBaseProperties(
        @DefaultValue("knowledge-base") Path path,
        @DefaultValue("true") boolean followFolder,
        @DefaultValue("true") boolean checkFirstVersion) {}
