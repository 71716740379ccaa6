package com.clinicfaq.knowledge;

import java.util.List;

/** An article read from its published text, with the questions it answers in its FAQ block. */
public record ImportedArticle(Article article, List<Faq> faqs) {

    public ImportedArticle {
        faqs = List.copyOf(faqs);
    }

    /** The check questions proposed for the article: its FAQs' questions and its headings put as questions. */
    public List<CheckQuestion> proposedChecks() {
        return CheckQuestions.propose(article, faqs);
    }

    /**
     * The same article with its FAQs apart from the other articles' (issue #14): two articles may both ask "Is it
     * painful?", and a knowledge base that asks one question twice, or has one FAQ id twice, cannot be read. A question
     * another article asks names this article's procedure after it ("Is it painful? (radiofrequency ablation)"); a
     * colliding id is prefixed with the article's id.
     *
     * @param takenIds the FAQ ids of the knowledge base's other articles
     * @param takenQuestions the questions and phrasings of the knowledge base's other FAQs
     */
    public ImportedArticle withFaqsApartFrom(
            java.util.Set<String> takenIds, java.util.Collection<String> takenQuestions) {
        java.util.Set<String> ids = new java.util.HashSet<>(takenIds);
        java.util.Set<String> asked = new java.util.HashSet<>();
        takenQuestions.forEach(q -> asked.add(Folding.words(q)));
        String procedure =
                article.names().isEmpty() ? article.title() : article.names().getFirst();
        List<Faq> apart = new java.util.ArrayList<>();
        for (Faq faq : faqs) {
            String question = faq.question();
            for (String about : List.of(procedure, article.title(), article.id())) {
                if (!asked.contains(Folding.words(question))) {
                    break;
                }
                question = faq.question() + " (" + about + ")";
            }
            asked.add(Folding.words(question));
            String id = ids.contains(faq.id()) ? Slugs.of(article.id() + " " + faq.id()) : faq.id();
            for (int n = 2; ids.contains(id); n++) {
                id = Slugs.of(article.id() + " " + faq.id() + " " + n);
            }
            ids.add(id);
            apart.add(
                    id.equals(faq.id()) && question.equals(faq.question())
                            ? faq
                            : new Faq(
                                    id,
                                    faq.articleId(),
                                    question,
                                    faq.phrasings(),
                                    faq.answer(),
                                    faq.sectionAnchor(),
                                    faq.origin()));
        }
        return new ImportedArticle(article, apart);
    }
}
