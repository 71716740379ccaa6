package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.knowledge.OutOfScopeTopic;
import com.clinicfaq.knowledge.PlainTextArticleImporter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The names of an article's procedure, read from the article: the sample articles of the library and the shipped one. */
class ArticleTopicsTests {

    static Article sample(String name) {
        return new PlainTextArticleImporter()
                .importFile(
                        Path.of("src/test/resources/library", name + ".txt"),
                        PlainTextArticleImporter.Options.of("sample", LocalDate.of(2026, 12, 1)))
                .article();
    }

    static List<String> names(Article article) {
        return ArticleTopics.of(article).stream().map(ArticleTopics.Name::text).toList();
    }

    @Test
    void anAbbreviationDefinedInTheTextAndSharingAWordWithTheTitleNamesTheProcedure() {
        assertThat(names(sample("radiofrequency-ablation-sample"))).contains("radiofrequency ablation", "RFA");
        assertThat(names(sample("spinal-cord-stimulation-sample"))).contains("spinal cord stimulation", "SCS");
        assertThat(names(sample("sacroiliac-joint-injection-sample")))
                .contains("sacroiliac", "SI")
                .doesNotContain("RFA", "radiofrequency ablation"); // an alternative named in passing is not its topic
    }

    @Test
    void anAbbreviationForAPartOfTheProcedureDoesNotNameTheArticleFirst() {
        // "greater occipital nerve (GON) block" is defined once; the title and the text speak of occipital nerve
        // blocks, and "How long does an occipital nerve block last?" never says "greater"
        Article blocks = sample("occipital-nerve-block-sample");
        assertThat(names(blocks)).startsWith("occipital nerve").contains("greater occipital nerve", "GON");
        assertThat(ArticleTopics.named(ArticleTopics.of(blocks), "how long does an occipital nerve block last"))
                .isTrue();
        // where the long form is what the title names, it stays first
        assertThat(names(sample("radiofrequency-ablation-sample"))).startsWith("radiofrequency ablation");
        assertThat(names(sample("lumbar-decompression-mild-sample")))
                .startsWith("minimally invasive lumbar decompression");
    }

    @Test
    void theTitlesWordsAfterTheAbbreviationArePartOfTheNameAndAConditionNamedOnTheWayIsNot() {
        // "A sacroiliac (SI) joint injection is ...", titled "... Sacroiliac Joint Injections ..."
        List<String> sacroiliac = names(sample("sacroiliac-joint-injection-sample"));
        assertThat(sacroiliac)
                .contains("sacroiliac joint injection")
                .anySatisfy(name -> assertThat(name).isEqualToIgnoringCase("SI joint injection"));
        assertThat(ArticleTopics.generic(
                        ArticleTopics.of(sample("sacroiliac-joint-injection-sample")),
                        "How much does an SI joint injection cost?"))
                .isEqualTo("how much does an cost");
        // "Complex regional pain syndrome (CRPS)" shares only "pain" with the stimulation article's title and subtitle,
        // "spinal cord stimulation (SCS)" three of its words
        assertThat(names(sample("spinal-cord-stimulation-sample")))
                .contains("spinal cord stimulation", "SCS")
                .doesNotContain("complex regional pain syndrome", "CRPS");
    }

    @Test
    void theImporterProposesTheNamesInTheFrontMatterWhereStaffEditThem(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        var imported = new PlainTextArticleImporter()
                .importFile(
                        Path.of("src/test/resources/library/radiofrequency-ablation-sample.txt"),
                        PlainTextArticleImporter.Options.of("sample", LocalDate.of(2026, 12, 1))
                                .withId("rfa"));
        var writer = new com.clinicfaq.knowledge.KnowledgeBaseWriter();
        String text = writer.articleText(imported.article());
        assertThat(text).contains("names: radiofrequency ablation, RFA\n");

        // a staff member adds the name patients also use
        java.nio.file.Files.createDirectories(folder.resolve("articles"));
        java.nio.file.Files.writeString(
                folder.resolve("articles/rfa.md"),
                text.replace("names: radiofrequency ablation, RFA", "names: radiofrequency ablation, RFA, rhizotomy"));
        java.nio.file.Files.createDirectories(folder.resolve("faqs"));
        java.nio.file.Files.writeString(folder.resolve("faqs/rfa.md"), writer.faqText("rfa", imported.faqs()));
        Article read = new KnowledgeBaseReader().read(folder).articles().getFirst();

        assertThat(read.names()).containsExactly("radiofrequency ablation", "RFA", "rhizotomy");
        assertThat(ArticleTopics.named(ArticleTopics.of(read), "does a rhizotomy hurt"))
                .isTrue();
        assertThat(ArticleTopics.named(ArticleTopics.of(imported.article()), "does a rhizotomy hurt"))
                .isFalse();
    }

    @Test
    void withoutAnAbbreviationTheTitleWordTheArticleUsesMostNamesIt() {
        Article kyphoplasty = new KnowledgeBaseReader()
                .read(Path.of("knowledge-base"))
                .articles()
                .getFirst();
        assertThat(names(kyphoplasty)).containsExactly("kyphoplasty");
        assertThat(names(sample("sciatica-condition-sample"))).containsExactly("sciatica");
    }

    @Test
    void withoutAnAbbreviationAPhraseOfTheTitleTheTextRepeatsNamesItRatherThanAGenericWord() {
        // the most used title word is "pain" or "spinal", which every article of a spine practice uses: as a name it
        // would scope a question about any procedure's pain to this article, and attribute answers to an "article on
        // pain"
        Article blocks = sample("medial-branch-block-sample");
        // and its initials, which visitors write ("do i get knocked out for the mbb", the blind set's dev half)
        assertThat(names(blocks)).containsExactly("medial branch blocks", "MBB");
        assertThat(com.clinicfaq.knowledge.Topics.of(blocks)).isEqualTo("medial branch blocks");
        assertThat(com.clinicfaq.knowledge.Attribution.source(blocks)).endsWith("article on medial branch blocks");
        assertThat(names(sample("lumbar-spinal-stenosis-sample"))).containsExactly("spinal stenosis");
        assertThat(ArticleTopics.named(ArticleTopics.of(blocks), "how long does a medial branch block take"))
                .isTrue();
        assertThat(ArticleTopics.named(ArticleTopics.of(blocks), "do i get knocked out for the mbb"))
                .isTrue();
        assertThat(ArticleTopics.named(ArticleTopics.of(blocks), "is the pain worse after spinal cord stimulation"))
                .isFalse();
    }

    @Test
    void aQuestionNamesAProcedureByAnyOfItsNamesAndTheirOtherForms() {
        List<ArticleTopics.Name> scs = ArticleTopics.of(sample("spinal-cord-stimulation-sample"));
        List<ArticleTopics.Name> si = ArticleTopics.of(sample("sacroiliac-joint-injection-sample"));
        List<ArticleTopics.Name> rfa = ArticleTopics.of(sample("radiofrequency-ablation-sample"));

        assertThat(ArticleTopics.named(scs, "is a spinal cord stimulator safe in an MRI?"))
                .isTrue();
        assertThat(ArticleTopics.named(scs, "how long is the scs trial")).isTrue();
        assertThat(ArticleTopics.named(rfa, "how long dose rfa last")).isTrue();
        assertThat(ArticleTopics.named(si, "does the SI joint shot hurt?")).isTrue();
        assertThat(ArticleTopics.named(si, "si me duele la espalda")).isFalse();
        assertThat(ArticleTopics.named(rfa, "how long does kyphoplasty take?")).isFalse();
    }

    @Test
    void aQuestionThatNamesAProcedureIsNeverAnsweredFromAnotherProceduresArticle() {
        KnowledgeBase shipped = new KnowledgeBaseReader().read(Path.of("knowledge-base"));
        KnowledgeBase library = withSample(shipped, "radiofrequency-ablation-sample", "rfa-sample");
        try (AnswerEngine engine = new AnswerEngine(library, SharedEmbedder.INSTANCE, Scoring.CALIBRATED)) {
            // kyphoplasty's curated "how long does the procedure take" phrasings used to win this one: "45 to 60
            // minutes"
            for (String question : List.of(
                    "How long does the RFA procedure take?",
                    "how long does radiofrequency ablation take",
                    "will I be put to sleep for the RFA?")) {
                Answer answer = engine.answer(question);
                assertThat(answer).as(question).isNotInstanceOf(Answer.OutOfScope.class);
                if (answer instanceof Answer.Found found) {
                    assertThat(found.source().articleId()).as(question).isEqualTo("rfa-sample");
                }
            }
            assertThat(engine.answer("how long does kyphoplasty take?"))
                    .isInstanceOfSatisfying(
                            Answer.Found.class,
                            found -> assertThat(found.text()).contains("45 to 60 minutes"));

            // the out-of-scope list written for kyphoplasty alone now declines what the new article answers
            List<AnswerEngine.Contradiction> contradictions = engine.outOfScopeContradictions(library);
            assertThat(contradictions)
                    .extracting(AnswerEngine.Contradiction::phrasing)
                    .contains("what is radiofrequency ablation");
            assertThat(contradictions).allSatisfy(c -> assertThat(c.articleId()).isEqualTo("rfa-sample"));
        }
        try (AnswerEngine engine = new AnswerEngine(shipped, SharedEmbedder.INSTANCE, Scoring.CALIBRATED)) {
            // "how much does kyphoplasty cost" names kyphoplasty, but its article does not answer it
            assertThat(engine.outOfScopeContradictions(shipped)).isEmpty();
        }
    }

    @Test
    void aProceduresNameQualifiedByAWordOfAnotherArticlesNamesIsAboutThatArticle() {
        KnowledgeBase library = withSample(
                withSample(
                        new KnowledgeBaseReader().read(Path.of("knowledge-base")),
                        "radiofrequency-ablation-sample",
                        "rfa-sample"),
                "genicular-nerve-block-sample",
                "knee-sample");
        try (AnswerEngine engine = new AnswerEngine(library, SharedEmbedder.INSTANCE, Scoring.CALIBRATED)) {
            // the knee article's names are "genicular nerve block" and "GNB"; the spine's ablation article never says
            // "genicular", so "genicular radiofrequency ablation" is the knee's, though it holds the other's name
            for (String question : List.of(
                    "how many months does genicular radiofrequency ablation help the knee",
                    "Is genicular radiofrequency ablation done with a needle?")) {
                assertThat(engine.answer(question))
                        .as(question)
                        .isInstanceOfSatisfying(
                                Answer.Found.class,
                                found -> assertThat(found.source().articleId()).isEqualTo("knee-sample"));
            }
            // a word the ablation article itself uses qualifies nothing: "lumbar" is also a word of no other name here,
            // "cervical" is the article's own
            assertThat(engine.answer("how long does relief from cervical radiofrequency ablation last"))
                    .isInstanceOfSatisfying(
                            Answer.Found.class,
                            found -> assertThat(found.source().articleId()).isEqualTo("rfa-sample"));
        }
    }

    @Test
    void anImportedArticleAnswersWhatAnOutOfScopeTopicWrittenForAnotherArticleDeclinesButNotItsCost() {
        KnowledgeBase library = withoutContradictions(withSample(
                new KnowledgeBaseReader().read(Path.of("knowledge-base")),
                "spinal-cord-stimulation-sample",
                "scs-sample"));
        try (AnswerEngine engine = new AnswerEngine(library, SharedEmbedder.INSTANCE, Scoring.CALIBRATED)) {
            // the "after-care" topic, written when kyphoplasty's article was the only one, declines going back to work;
            // the stimulation article says when, and on its page it answers
            for (String question : List.of(
                    "When can I go back to my office job after the stimulator implant?",
                    "how soon can i return to work at a desk after getting the stimulator")) {
                assertThat(engine.answer(question, "scs-sample"))
                        .as(question)
                        .isInstanceOfSatisfying(
                                Answer.Found.class,
                                found -> assertThat(found.text()).contains("return to work in about three weeks"));
            }
            // what the article does not say is declined as the topics written for kyphoplasty decline it, once the
            // question
            // is read without the procedure's name
            assertThat(engine.answer("How much does a spinal cord stimulator cost?", "scs-sample"))
                    .isInstanceOfSatisfying(
                            Answer.OutOfScope.class,
                            declined -> assertThat(declined.topicId()).isEqualTo("cost"));
            assertThat(engine.answer("does medicare pay for spinal cord stimulation", "scs-sample"))
                    .isInstanceOfSatisfying(
                            Answer.OutOfScope.class,
                            declined -> assertThat(declined.topicId()).isEqualTo("insurance"));
        }
    }

    @Test
    void aQuestionWithoutTheProceduresNamesIsReadByTheTopicsWrittenForAnotherArticle() {
        var names = ArticleTopics.of(new PlainTextArticleImporter()
                .importFile(
                        Path.of("src/test/resources/library/radiofrequency-ablation-sample.txt"),
                        PlainTextArticleImporter.Options.of("sample", LocalDate.of(2026, 12, 1))
                                .withId("rfa-sample"))
                .article());

        assertThat(ArticleTopics.generic(names, "How much does RFA cost?")).isEqualTo("how much does cost");
        assertThat(ArticleTopics.generic(names, "is radiofrequency ablation covered by Medicare"))
                .isEqualTo("is covered by medicare");
        assertThat(ArticleTopics.generic(names, "how long does it take")).isEqualTo("how long does it take");
    }

    /** The knowledge base with a sample article imported by the importer alone. */
    private static KnowledgeBase withSample(KnowledgeBase knowledge, String sample, String id) {
        var imported = new PlainTextArticleImporter()
                .importFile(
                        Path.of("src/test/resources/library/" + sample + ".txt"),
                        PlainTextArticleImporter.Options.of("sample", LocalDate.of(2026, 12, 1))
                                .withId(id));
        List<Article> articles = new ArrayList<>(knowledge.articles());
        articles.add(imported.article());
        List<Faq> faqs = new ArrayList<>(knowledge.faqs());
        faqs.addAll(imported.faqs());
        return new KnowledgeBase(articles, faqs, knowledge.synonyms(), knowledge.outOfScope());
    }

    /** The library as the publish safety net lets it be published: without the out-of-scope phrasings it refuses. */
    private static KnowledgeBase withoutContradictions(KnowledgeBase library) {
        try (AnswerEngine engine = new AnswerEngine(library, SharedEmbedder.INSTANCE, Scoring.CALIBRATED)) {
            Set<String> refused = engine.outOfScopeContradictions(library).stream()
                    .map(AnswerEngine.Contradiction::phrasing)
                    .collect(java.util.stream.Collectors.toSet());
            List<OutOfScopeTopic> topics = library.outOfScope().stream()
                    .map(t -> new OutOfScopeTopic(
                            t.id(),
                            t.title(),
                            t.phrasings().stream()
                                    .filter(p -> !refused.contains(p))
                                    .toList(),
                            t.translatedPhrasings(),
                            t.about()))
                    .toList();
            return new KnowledgeBase(library.articles(), library.faqs(), library.synonyms(), topics);
        }
    }

    @Test
    void aNameIsReadWithTheWordsItsTitleSaysBesideItButNeverAQuestionsOwn() {
        List<ArticleTopics.Name> stenosis =
                List.of(new ArticleTopics.Name("spinal stenosis", List.of("spina", "steno"), false));
        List<String> asked = com.clinicfaq.knowledge.ProcedureNames.words("what is lumbar spinal stenosis");
        // "lumbar" is the title's word beside the name: the three words name it, so the question asks what it is
        assertThat(AnswerEngine.titledMentions(
                        stenosis,
                        asked,
                        KnowledgeIndex.spaced("Understanding Lumbar Spinal Stenosis: Symptoms, Causes, and Treatment")))
                .containsExactly(new ArticleTopics.Mention(2, 3));
        // a title that asks the question itself does not make the question's words part of the name
        assertThat(AnswerEngine.titledMentions(
                        stenosis, asked, KnowledgeIndex.spaced("What Is Lumbar Spinal Stenosis?")))
                .containsExactly(new ArticleTopics.Mention(2, 3));
        List<ArticleTopics.Name> kyphoplasty =
                List.of(new ArticleTopics.Name("kyphoplasty", List.of("kyphopl"), false));
        assertThat(AnswerEngine.titledMentions(
                        kyphoplasty,
                        com.clinicfaq.knowledge.ProcedureNames.words("what is kyphoplasty for"),
                        KnowledgeIndex.spaced("What Is Kyphoplasty For?")))
                .containsExactly(new ArticleTopics.Mention(2, 1));
        // without a title, the name alone
        assertThat(AnswerEngine.titledMentions(stenosis, asked, null)).containsExactly(new ArticleTopics.Mention(3, 2));
    }

    @Test
    void aTextsWordsAreItsRunsOfLettersAndDigitsInAnyScriptLowerCase() {
        for (String text : List.of(
                "Kyphoplasty (KP) vs. RFA: 45–60 minutes?",
                "¿Qué es la CIFOPLASTIA? ¡Dígame, por favor!",
                "L4-L5 disc, T12; 2nd opinion",
                "脊椎の手術 — Ωμέγα Ⅻ ½ 👍 done",
                "",
                "   ")) {
            List<String> expected = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+")
                    .matcher(text.toLowerCase(java.util.Locale.ROOT))
                    .results()
                    .map(java.util.regex.MatchResult::group)
                    .toList();
            assertThat(com.clinicfaq.knowledge.ProcedureNames.words(text))
                    .as(text)
                    .isEqualTo(expected);
        }
        assertThat(com.clinicfaq.knowledge.ProcedureNames.words("Radiofrequency Ablation (RFA)"))
                .containsExactly("radiofrequency", "ablation", "rfa");
    }
}
