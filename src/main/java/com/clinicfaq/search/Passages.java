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
            List<Block> blocks = section.blocks();
            for (int b = 0; b < blocks.size(); b++) {
                Block block = blocks.get(b);
                List<String> texts = windows(block);
                String list = listAfter(blocks, b);
                if (list != null && !texts.isEmpty()) {
                    // "The mild procedure may not be appropriate for patients with:" says nothing alone: the window
                    // that ends the introduction is given with its list
                    texts = new ArrayList<>(texts);
                    texts.set(texts.size() - 1, texts.getLast() + " " + list);
                }
                for (String text : texts) {
                    passages.add(
                            new Passage(article.id() + "#" + section.anchor() + "/" + (++n), article, section, text));
                }
            }
        }
        return passages;
    }

    /**
     * The items that a block ending with a colon introduces, joined: the blocks after it, up to the next such block
     * or quotation, at most {@value #LIST_ITEMS} of them and {@value #LIST_LENGTH} characters; null when the block
     * introduces none. Each item stays a passage of its own too.
     */
    static String listAfter(List<Block> blocks, int intro) {
        Block block = blocks.get(intro);
        if (block.kind() == Block.Kind.QUOTE || !block.text().strip().endsWith(":")) {
            return null;
        }
        List<String> items = new ArrayList<>();
        int length = 0;
        for (int i = intro + 1; i < blocks.size() && items.size() < LIST_ITEMS; i++) {
            Block item = blocks.get(i);
            String text = item.text().strip();
            if (item.kind() == Block.Kind.QUOTE || text.endsWith(":") || length + text.length() > LIST_LENGTH) {
                break;
            }
            items.add(text);
            length += text.length();
        }
        return items.isEmpty() ? null : String.join(" ", items);
    }

    static final int LIST_ITEMS = 8;
    static final int LIST_LENGTH = 900;

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
