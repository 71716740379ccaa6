package com.clinicfaq.knowledge;

import java.util.List;

/**
 * A question with its curated answer.
 *
 * @param id stable identifier, unique within the knowledge base
 * @param articleId the article the answer is taken from
 * @param phrasings other ways visitors ask the same question
 * @param sectionAnchor the article section to link as the source
 * @param origin whether the question is part of the published article or was added by staff
 */
public record Faq(
        String id,
        String articleId,
        String question,
        List<String> phrasings,
        String answer,
        String sectionAnchor,
        Origin origin) {

    public Faq {
        phrasings = List.copyOf(phrasings);
    }

    public enum Origin {
        ARTICLE,
        CURATED
    }
}
