package com.clinicfaq.curation;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.CheckQuestion;
import com.clinicfaq.knowledge.CheckQuestions;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.OnnxEmbedder;
import com.clinicfaq.search.Scoring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each article's check questions in a knowledge-base folder and how the engine answers them on the article's page;
 * an article without a file of them gets the ones the importer would propose, written with {@code --write} (how
 * {@code knowledge-base/checks/articles/kyphoplasty-compression-fractures.csv} was made).
 * {@code ./mvnw -q test-compile exec:exec@article-checks -Darticle-checks.args="knowledge-base --write"}
 */
public final class ArticleChecksCommand {

    private ArticleChecksCommand() {}

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        List<String> words = java.util.Arrays.stream(String.join(" ", args).split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        Path folder = Path.of(
                words.stream().filter(w -> !w.startsWith("--")).findFirst().orElse("knowledge-base"));
        boolean write = words.contains("--write");
        KnowledgeFiles.Parsed parsed = KnowledgeFiles.fromFolder(folder).parse();
        KnowledgeBase knowledge = parsed.knowledge();
        Map<String, List<CheckQuestion>> checks = new java.util.LinkedHashMap<>(parsed.checks());
        for (Article article : knowledge.articles()) {
            if (!checks.containsKey(article.id())) {
                List<CheckQuestion> proposed = CheckQuestions.propose(
                        article,
                        knowledge.faqs().stream()
                                .filter(f -> f.articleId().equals(article.id()))
                                .toList());
                checks.put(article.id(), proposed);
                System.out.printf(
                        "%s: no check questions; proposed %d%s%n",
                        article.id(),
                        proposed.size(),
                        write ? ", written to " + CheckQuestions.file(folder, article.id()) : "");
                if (write) {
                    Files.createDirectories(
                            CheckQuestions.file(folder, article.id()).getParent());
                    Files.writeString(
                            CheckQuestions.file(folder, article.id()),
                            CheckQuestions.text(proposed),
                            StandardCharsets.UTF_8);
                }
            }
        }
        try (AnswerEngine engine = new AnswerEngine(knowledge, OnnxEmbedder.allMiniLmL6V2(), Scoring.CALIBRATED)) {
            for (ArticleChecks.Result result : ArticleChecks.run(knowledge, checks, engine::answer, null, null)) {
                System.out.println(result.summary());
                for (ArticleChecks.Asked asked : result.asked()) {
                    System.out.printf(
                            "  %s %-70s %-8s -> %s%n",
                            asked.after().right() ? "right" : "WRONG",
                            asked.check().question(),
                            asked.check().origin().word(),
                            asked.after().right()
                                    ? asked.after().item()
                                    : asked.after().label() + " [expected "
                                            + String.join("|", asked.check().expected()) + "]");
                }
            }
        }
    }
}
