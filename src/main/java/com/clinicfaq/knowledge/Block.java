package com.clinicfaq.knowledge;

/** A paragraph, a list item or a quotation of a section, its text on one line. */
public record Block(Kind kind, String text) {

    public enum Kind {
        PARAGRAPH,
        BULLET,
        /** Somebody's own words (a testimonial): shown on the page, never given as an answer of fact. */
        QUOTE
    }
}
