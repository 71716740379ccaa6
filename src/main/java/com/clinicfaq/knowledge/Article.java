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
        List<Section> sections) {

    public Article {
        sections = List.copyOf(sections);
    }
}
