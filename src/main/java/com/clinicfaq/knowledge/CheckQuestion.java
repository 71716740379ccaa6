package com.clinicfaq.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * A question the safety net asks about an article at every publish, with what a right answer is: a line of
 * {@code checks/articles/<article-id>.csv} (see {@link CheckQuestions}).
 *
 * @param question as a visitor would ask it, on the article's page
 * @param expected what a right answer is, any one of them: an FAQ's id ({@code procedure-duration}), a section of the
 *     article ({@code #anchor}: any answer taken from that section, an FAQ citing it or a passage of it), or
 *     {@value #DECLINED} alone (the bot says it does not know, or declines the topic as out of scope)
 * @param origin where the question came from
 */
public record CheckQuestion(String question, List<String> expected, Origin origin) {

    public static final String DECLINED = "declined";

    public CheckQuestion {
        expected = List.copyOf(expected);
    }

    /** Where a check question came from. */
    public enum Origin {
        /** Proposed when the article was imported: one of its FAQs, or one of its headings put as a question. */
        IMPORT,
        /** Written by an editor. */
        EDITOR,
        /** A visitor's question the bot missed, which an editor fixed from the unanswered-questions page. */
        VISITOR;

        /** As the file has it: {@code import}, {@code editor} or {@code visitor}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether a right answer is no answer: the knowledge base must not answer the question. */
    public boolean declined() {
        return expected.equals(List.of(DECLINED));
    }

    /** A section of the article as an expected answer: {@code #anchor}. */
    public static String section(String anchor) {
        return "#" + anchor;
    }

    /** The section an expected answer names, or null when it names an FAQ or {@value #DECLINED}. */
    public static String sectionOf(String expected) {
        return expected.startsWith("#") ? expected.substring(1) : null;
    }
}
