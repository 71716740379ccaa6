package com.clinicfaq.search;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.Section;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts articles into answer-sized passages: windows of up to {@value #SENTENCES} consecutive
 * sentences of one paragraph, one window starting at each sentence, so every sentence is the start
 * of some short answer. List items are passages of their own; quotations are never passages.
 */
final class Passages {

    static final int SENTENCES = 2;

    /** Abbreviations whose period does not end a sentence ("Dr. Weisbein", "D.O."). */
    private static final Pattern ABBREVIATION =
            Pattern.compile("(?i)(?:\\b(?:dr|mr|mrs|ms|st|vs|etc|e\\.g|i\\.e)|\\b[A-Z](?:\\.[A-Z])*)\\.$");

    record Passage(String id, Article article, Section section, String text) {}

    private Passages() {}

    static List<Passage> of(Article article) {
        List<Passage> passages = new ArrayList<>();
        for (Section section : article.sections()) {
            int n = 0;
            for (Block block : section.blocks()) {
                for (String text : windows(block)) {
                    passages.add(
                            new Passage(article.id() + "#" + section.anchor() + "/" + (++n), article, section, text));
                }
            }
        }
        return passages;
    }

    /** The passages of one block: none for a quotation, the whole of a list item. */
    static List<String> windows(Block block) {
        if (block.kind() == Block.Kind.QUOTE) {
            return List.of();
        }
        List<String> sentences = sentences(block.text());
        if (block.kind() == Block.Kind.BULLET || sentences.size() <= SENTENCES) {
            return List.of(String.join(" ", sentences));
        }
        List<String> windows = new ArrayList<>();
        for (int start = 0; start + SENTENCES <= sentences.size(); start++) {
            windows.add(String.join(" ", sentences.subList(start, start + SENTENCES)));
        }
        return windows;
    }

    static List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (int start = iterator.first(), end = iterator.next();
                end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            pending.append(text, start, end);
            String sentence = pending.toString().strip();
            if (!ABBREVIATION.matcher(sentence).find() || end == text.length()) {
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
                pending.setLength(0);
            }
        }
        return sentences;
    }
}
