package com.clinicfaq.knowledge;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports a plain-text patient article into the knowledge base:
 * {@code ImportArticleCommand <source.txt> <knowledge-base-folder> [--id ID] [--source TEXT]
 * [--reviewed YYYY-MM-DD] [--default-disclaimer TEXT] [--force]}.
 */
public final class ImportArticleCommand {

    static final String USAGE =
            "usage: ImportArticleCommand <source.txt> <knowledge-base-folder> [--id ID] [--source TEXT]"
                    + " [--reviewed YYYY-MM-DD] [--default-disclaimer TEXT] [--force]";

    private ImportArticleCommand() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Returns the exit status: 0 when written, 1 when the import failed, 2 for wrong arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String id = null;
        String source = null;
        String disclaimer = null;
        LocalDate reviewed = null;
        boolean force = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--id" -> id = value(args, ++i);
                    case "--source" -> source = value(args, ++i);
                    case "--reviewed" -> reviewed = LocalDate.parse(value(args, ++i));
                    case "--default-disclaimer" -> disclaimer = value(args, ++i);
                    case "--force" -> force = true;
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (positional.size() != 2) {
                throw new IllegalArgumentException("expected a source file and a knowledge-base folder");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(positional.get(0));
        Path folder = Path.of(positional.get(1));
        if (source == null) {
            source = "plain-text article " + file.getFileName();
        }
        if (reviewed == null) {
            reviewed = LocalDate.now();
            out.println("reviewed: " + reviewed + " (today; pass --reviewed with the date a clinician reviewed it)");
        }
        try {
            var options = new PlainTextArticleImporter.Options(id, source, reviewed, disclaimer);
            ImportedArticle read = new PlainTextArticleImporter().importFile(file, options);
            List<Faq> others = faqsOfOtherArticles(folder, read.article().id());
            ImportedArticle imported = read.withFaqsApartFrom(
                    others.stream().map(Faq::id).collect(java.util.stream.Collectors.toSet()),
                    others.stream()
                            .flatMap(f -> Stream.concat(Stream.of(f.question()), f.phrasings().stream()))
                            .toList());
            String articleId = imported.article().id();
            List<Path> existing = Stream.of(
                            KnowledgeBaseWriter.articleFile(folder, articleId),
                            KnowledgeBaseWriter.faqFile(folder, articleId),
                            CheckQuestions.file(folder, articleId))
                    .filter(Files::exists)
                    .toList();
            if (!existing.isEmpty() && !force) {
                err.println("refusing to overwrite " + existing + ": pass --force to replace");
                return 1;
            }
            KnowledgeBaseWriter writer = new KnowledgeBaseWriter();
            KnowledgeBaseWriter.Written written = writer.write(folder, imported.article(), imported.faqs(), force);
            Path checks = writer.writeChecks(folder, articleId, imported.proposedChecks(), force);
            report(imported, written, out);
            out.printf(
                    "wrote %s: %d check questions (its FAQs, and its headings put as questions)%n",
                    checks, imported.proposedChecks().size());
            return 0;
        } catch (KnowledgeBaseFormatException | IllegalArgumentException e) {
            err.println("cannot import: " + e.getMessage());
        } catch (UncheckedIOException e) {
            err.println("cannot import: " + e.getCause());
        }
        return 1;
    }

    /** The FAQs of the folder's other articles; none when the folder holds no knowledge base that can be read. */
    private static List<Faq> faqsOfOtherArticles(Path folder, String articleId) {
        try {
            return new KnowledgeBaseReader()
                    .read(folder).faqs().stream()
                            .filter(faq -> !faq.articleId().equals(articleId))
                            .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void report(ImportedArticle imported, KnowledgeBaseWriter.Written written, PrintStream out) {
        Article article = imported.article();
        List<Block> blocks =
                article.sections().stream().flatMap(s -> s.blocks().stream()).toList();
        long bullets =
                blocks.stream().filter(b -> b.kind() == Block.Kind.BULLET).count();
        long quotes = blocks.stream().filter(b -> b.kind() == Block.Kind.QUOTE).count();
        out.printf(
                "wrote %s: %d sections, %d blocks (%d bullets, %d quotes)%n",
                written.article(), article.sections().size(), blocks.size(), bullets, quotes);
        out.printf("wrote %s: %d FAQs%n", written.faqs(), imported.faqs().size());
        out.printf(
                "title: %s%nauthor: %s%npractice: %s%nlocation: %s%n",
                article.title(), article.author(), orNone(article.practice()), orNone(article.location()));
        article.sections().forEach(s -> out.println("  ## " + s.title()));
        imported.faqs().forEach(f -> out.println("  ? " + f.question() + "  -> #" + f.sectionAnchor()));
        out.println("Check the files before committing them: a clinician reviews what the bot may say, and the check"
                + " questions the safety net asks about the article at every publish.");
    }

    private static String orNone(String value) {
        return value.isEmpty() ? "(none found)" : value;
    }
}
