package com.clinicfaq.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An article in another language, linked to its English article section by section and FAQ by FAQ: file
 * {@code translations/<article-id>.<language>.md} (see {@code knowledge-base/README.md}). Only a translation staff have
 * reviewed is served to visitors; a section or an FAQ it leaves out is answered in English.
 *
 * @param articleId the English article it translates
 * @param language its language's ISO 639-1 code ({@code es})
 * @param names what visitors writing in the language call the procedure ("cifoplastia", "kifoplastia")
 * @param reviewed when staff reviewed the translation, or null while it is not reviewed (never served)
 * @param sections translated sections, each with the anchor of its English section
 * @param faqs translated FAQs, each with the id of its English FAQ
 * @param synonyms words visitors writing in the language use for the same thing, each group two or more words (its
 *     front matter's {@code synonyms:} line: groups separated by ";", words by ",")
 */
public record Translation(
        String articleId,
        String language,
        String title,
        List<String> names,
        LocalDate reviewed,
        List<Section> sections,
        List<TranslatedFaq> faqs,
        List<List<String>> synonyms) {

    public Translation {
        names = List.copyOf(names);
        sections = List.copyOf(sections);
        faqs = List.copyOf(faqs);
        synonyms = synonyms == null
                ? List.of()
                : synonyms.stream().map(List::copyOf).toList();
    }

    public Translation(
            String articleId,
            String language,
            String title,
            List<String> names,
            LocalDate reviewed,
            List<Section> sections,
            List<TranslatedFaq> faqs) {
        this(articleId, language, title, names, reviewed, sections, faqs, List.of());
    }

    /** An FAQ's question, the ways visitors ask it in the language, and its answer, translated. */
    public record TranslatedFaq(String faqId, String question, List<String> phrasings, String answer) {

        public TranslatedFaq {
            phrasings = List.copyOf(phrasings);
        }
    }

    /** The file the translation is kept in, relative to the knowledge-base folder. */
    public static String path(String articleId, String language) {
        return KnowledgeBaseReader.TRANSLATIONS + "/" + articleId + "." + language + ".md";
    }

    /** Whether staff reviewed it, so that visitors may be given it. */
    public boolean isReviewed() {
        return reviewed != null;
    }

    public Optional<Section> section(String anchor) {
        return sections.stream().filter(s -> s.anchor().equals(anchor)).findFirst();
    }
}
