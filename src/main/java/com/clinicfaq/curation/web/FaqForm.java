package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.knowledge.Faq;
import java.util.Arrays;
import java.util.List;

/**
 * The FAQ form as typed: other phrasings one a line, and the source as "article-id/section-anchor" (one select
 * of every article's sections, so no script is needed to match sections to their article).
 */
record FaqForm(String question, String phrasings, String answer, String source) {

    static FaqForm blank() {
        return new FaqForm("", "", "", "");
    }

    static FaqForm of(Faq faq) {
        return new FaqForm(
                faq.question(),
                String.join("\n", faq.phrasings()),
                faq.answer(),
                source(faq.articleId(), faq.sectionAnchor()));
    }

    static String source(String articleId, String anchor) {
        return articleId + "/" + anchor;
    }

    Change.SaveFaq change(String id) {
        String[] parts = source == null ? new String[0] : source.split("/", 2);
        List<String> lines = phrasings == null ? List.of() : Arrays.asList(phrasings.split("\\R"));
        return new Change.SaveFaq(
                id, parts.length > 0 ? parts[0] : "", question, lines, answer, parts.length > 1 ? parts[1] : "");
    }
}
