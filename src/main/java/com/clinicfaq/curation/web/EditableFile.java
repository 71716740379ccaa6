package com.clinicfaq.curation.web;

import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.knowledge.Translation;
import com.clinicfaq.policy.PolicyRulesReader;
import java.util.List;
import java.util.Optional;

/**
 * A file edited whole in the console (one of {@code KnowledgeEditor.EDITABLE_FILES}), by the name in its page's
 * address.
 */
record EditableFile(String name, String path, String title, String help) {

    static final List<EditableFile> ALL = List.of(
            new EditableFile(
                    "synonyms",
                    KnowledgeBaseReader.SYNONYMS,
                    "Synonyms",
                    "Words visitors use for the same thing, one rule a line: \"a, b, c\" (any of them matches the others)"
                            + " or \"a => b\" (read a as b). # starts a comment."),
            new EditableFile(
                    "out-of-scope",
                    KnowledgeBaseReader.OUT_OF_SCOPE,
                    "Out-of-scope topics",
                    "Topics the bot declines: a \"## Topic {#id}\" heading, then \"? question\" lines, one way of asking a line."),
            new EditableFile(
                    "safety-rules",
                    PolicyRulesReader.FILE,
                    "Safety rules",
                    "What the bot does before it looks anything up: emergency, clinician, booking and small-talk rules, and"
                            + " its own wording. The comments at the top of the file explain the patterns. Every example must"
                            + " be decided by its own rule, and no rule may catch most ordinary questions."));

    /** A translation's name in a page's address: {@code <article-id>.<language>}. */
    private static final java.util.regex.Pattern TRANSLATION =
            java.util.regex.Pattern.compile("([a-z0-9][a-z0-9-]*)\\.([a-z]{2})");

    static Optional<EditableFile> named(String name) {
        Optional<EditableFile> file =
                ALL.stream().filter(f -> f.name.equals(name)).findFirst();
        java.util.regex.Matcher translation = TRANSLATION.matcher(name);
        if (file.isPresent() || !translation.matches()) {
            return file;
        }
        return Optional.of(
                new EditableFile(
                        name,
                        Translation.path(translation.group(1), translation.group(2)),
                        "Translation of " + translation.group(1) + " (" + translation.group(2) + ")",
                        "The article in another language, linked to the English one: \"## heading {#anchor of the English section}\" for"
                                + " a section, \"### question {#id of the English FAQ}\" with \"? question\" lines for an FAQ. Visitors"
                                + " writing in the language are answered from it only once \"reviewed:\" has a date (knowledge-base/README.md)."));
    }

    /** The page's name of a translation. */
    static String translationName(String articleId, String language) {
        return articleId + "." + language;
    }
}
