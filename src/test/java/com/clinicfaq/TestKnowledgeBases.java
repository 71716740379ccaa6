package com.clinicfaq;

import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.knowledge.ImportArticleCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Knowledge-base folders for tests and commands: a copy of the shipped one, and articles imported into it. */
public final class TestKnowledgeBases {

    private TestKnowledgeBases() {}

    /** A temporary copy of the shipped {@code knowledge-base/}; with its {@code checks/} (the safety net's sets) if asked. */
    public static Path copyOfShipped(String name, boolean withChecks) {
        try {
            Path folder = Files.createTempDirectory(name);
            KnowledgeFiles.fromFolder(Path.of("knowledge-base")).writeTo(folder);
            if (withChecks) {
                Path checks = Files.createDirectories(folder.resolve("checks"));
                try (var files = Files.list(Path.of("knowledge-base", "checks"))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, checks.resolve(file.getFileName()));
                    }
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports a plain-text article into the folder with the importer command alone, as the README says.
     *
     * @param options the command's options ({@code --id}, {@code --reviewed}, ...)
     * @throws IllegalStateException with the command's message when it refuses the article
     */
    public static void importArticle(Path folder, Path source, String... options) {
        List<String> args = new ArrayList<>(List.of(source.toString(), folder.toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportArticleCommand.run(args.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("cannot import " + source + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }
}
