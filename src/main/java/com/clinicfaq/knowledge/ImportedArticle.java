package com.clinicfaq.knowledge;

import java.util.List;

/** An article read from its published text, with the questions it answers in its FAQ block. */
public record ImportedArticle(Article article, List<Faq> faqs) {

    public ImportedArticle {
        faqs = List.copyOf(faqs);
    }
}
