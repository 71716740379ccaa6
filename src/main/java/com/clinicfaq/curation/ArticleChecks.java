package com.clinicfaq.curation;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.CheckQuestion;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.search.Answer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Every article's check questions asked of the live version and of the draft, on the article's page (the article
 * is the conversation's topic, so a question that names no procedure is about the article's): which answers a change
 * turns from right to wrong, and from wrong to right. Both answers are judged by the draft's check questions, so that
 * an editor who changes what a right answer is changes what counts as right on both sides.
 */
public final class ArticleChecks {

    /** Asks a question on an article's page. */
    @FunctionalInterface
    interface Asker {
        Answer answer(String question, String articleId);
    }

    /**
     * What a version answered a check question with, as an editor reads it.
     *
     * @param item the FAQ's id, the passage's id ({@code article#anchor/n}), or what the bot did instead
     *     ({@code out-of-scope: topic}, {@code no answer}, {@code which procedure?})
     * @param label the FAQ's question, the section's title or what the bot did, in words
     */
    public record Got(String item, String label, boolean right) {}

    /**
     * One check question and how the live version and the draft answer it.
     *
     * @param before the live version's answer; null when there is no live version to compare with (the first version)
     */
    public record Asked(CheckQuestion check, Got before, Got after) {

        /** The live version answers it right and the draft would not: a regression. */
        public boolean nowWrong() {
            return before != null && before.right() && !after.right();
        }

        /** The live version answers it wrong and the draft would answer it right. */
        public boolean nowRight() {
            return before != null && !before.right() && after.right();
        }
    }

    /** An article's check questions, as the draft has them, and how each fared. */
    public record Result(String articleId, String title, List<Asked> asked, boolean compared) {

        public Result {
            asked = List.copyOf(asked);
        }

        public List<Asked> nowWrong() {
            return asked.stream().filter(Asked::nowWrong).toList();
        }

        public List<Asked> nowRight() {
            return asked.stream().filter(Asked::nowRight).toList();
        }

        public long rightAfter() {
            return asked.stream().filter(a -> a.after().right()).count();
        }

        public long rightBefore() {
            return asked.stream()
                    .filter(a -> a.before() != null && a.before().right())
                    .count();
        }

        /** "Check questions of “…”: 45 of 49 answered right (the live version: 44)". */
        public String summary() {
            String figure =
                    "Check questions of “%s”: %d of %d answered right".formatted(title, rightAfter(), asked.size());
            return compared ? figure + " (the live version: %d)".formatted(rightBefore()) : figure;
        }
    }

    private ArticleChecks() {}

    /**
     * Asks every article's check questions of the draft and, when there is one, of the live version.
     *
     * @param draft the draft's knowledge base
     * @param checks the draft's check questions, by article id
     * @param live the live version's knowledge base, or null when there is none
     * @param liveAsker asks the live version; null when there is none
     */
    static List<Result> run(
            KnowledgeBase draft,
            Map<String, List<CheckQuestion>> checks,
            Asker draftAsker,
            KnowledgeBase live,
            Asker liveAsker) {
        List<Result> results = new ArrayList<>();
        for (Article article : draft.articles()) {
            List<CheckQuestion> questions = checks.getOrDefault(article.id(), List.of());
            if (questions.isEmpty()) {
                continue;
            }
            List<Asked> asked = new ArrayList<>();
            for (CheckQuestion check : questions) {
                Got after = judge(check, article.id(), draftAsker.answer(check.question(), article.id()), draft);
                Got before = liveAsker == null
                        ? null
                        : judge(
                                check,
                                article.id(),
                                liveAsker.answer(
                                        check.question(),
                                        live.article(article.id()).isPresent() ? article.id() : null),
                                live);
                asked.add(new Asked(check, before, after));
            }
            results.add(new Result(article.id(), article.title(), asked, liveAsker != null));
        }
        return List.copyOf(results);
    }

    /** Whether an answer is one the check question takes for right, and what it was, in words. */
    static Got judge(CheckQuestion check, String articleId, Answer answer, KnowledgeBase knowledge) {
        return switch (answer) {
            case Answer.Found found -> {
                Answer.Source source = found.source();
                boolean fromArticle = source != null && source.articleId().equals(articleId);
                boolean right = check.expected().contains(found.itemId())
                        || fromArticle && check.expected().contains(CheckQuestion.section(source.anchor()));
                String label = knowledge.faqs().stream()
                        .filter(f -> f.id().equals(found.itemId()))
                        .findFirst()
                        .map(Faq::question)
                        .map(question -> "the FAQ “" + question + "”")
                        .orElseGet(
                                () -> source == null ? found.itemId() : "the section “" + source.sectionTitle() + "”");
                if (source != null && !fromArticle) {
                    label += " of “" + source.articleTitle() + "”";
                }
                yield new Got(found.itemId(), label, right);
            }
            case Answer.OutOfScope declined ->
                new Got(
                        "out-of-scope: " + declined.topicId(),
                        "declined as out of scope (" + declined.topicTitle() + ")",
                        check.declined());
            case Answer.Unknown unknown ->
                new Got("no answer", "no answer: nothing in the knowledge base was good enough", check.declined());
            case Answer.Ambiguous ambiguous ->
                new Got("which procedure?", "asked which procedure the visitor means", false);
        };
    }

    /**
     * A short digest of the answers that would go from right to wrong, whatever the order: what an editor confirms
     * having read, so that a confirmation does not carry over to other answers (the draft or the live version changed
     * since).
     */
    static String digest(List<Result> results) {
        List<String> lines = new ArrayList<>();
        for (Result result : results) {
            for (Asked asked : result.nowWrong()) {
                lines.add(String.join(
                        "\u0000",
                        result.articleId(),
                        asked.check().question(),
                        asked.before().item(),
                        asked.after().item()));
            }
        }
        lines.sort(Comparator.naturalOrder());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
