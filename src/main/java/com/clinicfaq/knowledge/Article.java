package com.clinicfaq.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient article as the practice published it: its metadata and its sections, in order.
 *
 * @param id stable identifier, also the file name in {@code knowledge-base/articles/}
 * @param source where the article was published or came from, as staff recorded it
 * @param reviewed when a clinician last reviewed the content
 */
public record Article(
        String id,
        String title,
        String subtitle,
        String author,
        String credentials,
        String practice,
        String location,
        String source,
        LocalDate reviewed,
        String disclaimer,
        List<Section> sections,
        List<String> names) {

    /**
     * @param names what visitors call the article's procedure or topic ("radiofrequency ablation", "RFA",
     *     "rhizotomy"): front matter {@code names:}, comma-separated, proposed by the importer and edited by staff;
     *     empty when the engine is to read them from the text
     */
    public Article {
        sections = List.copyOf(sections);
        names = names == null ? List.of() : List.copyOf(names);
    }

    /** An article whose names are read from its text. */
    public Article(
            String id,
            String title,
            String subtitle,
            String author,
            String credentials,
            String practice,
            String location,
            String source,
            LocalDate reviewed,
            String disclaimer,
            List<Section> sections) {
        this(
                id,
                title,
                subtitle,
                author,
                credentials,
                practice,
                location,
                source,
                reviewed,
                disclaimer,
                sections,
                List.of());
    }

    public Article withNames(List<String> names) {
        return new Article(
                id,
                title,
                subtitle,
                author,
                credentials,
                practice,
                location,
                source,
                reviewed,
                disclaimer,
                sections,
                names);
    }
}
