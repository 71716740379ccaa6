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
    /** The shipped knowledge base's policy and the FAQ questions and phrasings it takes for calm. */
    public record ShippedPolicy(com.clinicfaq.policy.PolicyRules rules, java.util.List<String> questions) {}

    public static ShippedPolicy shippedPolicy() {
        Path folder = Path.of("knowledge-base");
        com.clinicfaq.knowledge.KnowledgeBase knowledge =
                new com.clinicfaq.knowledge.KnowledgeBaseReader().read(folder);
        java.util.List<String> questions = knowledge.faqs().stream()
                .flatMap(faq -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(faq.question()), faq.phrasings().stream()))
                .toList();
        return new ShippedPolicy(new com.clinicfaq.policy.PolicyRulesReader().read(folder, questions), questions);
    }

    public static Path copyOfShipped(String name, boolean withChecks) {
        try {
            Path folder = Files.createTempDirectory(name);
            KnowledgeFiles.fromFolder(Path.of("knowledge-base")).writeTo(folder);
            if (withChecks) {
                Path checks = Files.createDirectories(folder.resolve("checks"));
                try (var files = Files.list(Path.of("knowledge-base", "checks"))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) { // checks/articles/ is in the files
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
     * A temporary copy of the shipped knowledge base whose translations staff have reviewed (the shipped ones are not
     * yet): what visitors writing in their language are answered from once staff mark them reviewed (issue #16).
     */
    public static Path shippedWithTranslationsReviewed(String name) {
        Path folder = copyOfShipped(name, false);
        try (var files = Files.list(folder.resolve(com.clinicfaq.knowledge.KnowledgeBaseReader.TRANSLATIONS))) {
            for (Path file : files.toList()) {
                Files.writeString(
                        file, Files.readString(file).replaceFirst("(?m)^reviewed:.*$", "reviewed: 2026-12-05"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A temporary copy of the shipped knowledge base with one of the sample articles of {@code src/test/resources/library}
     * imported under its own name: a library of two procedures.
     */
    public static Path shippedWithSample(String name, String sample) {
        Path folder = copyOfShipped(name, false);
        importArticle(
                folder,
                Path.of("src", "test", "resources", "library", sample + ".txt"),
                "--id",
                sample,
                "--reviewed",
                "2026-12-01");
        return folder;
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
        int status = ImportArticleCommand.run(
                args.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("cannot import " + source + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }
}
