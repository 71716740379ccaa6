package com.clinicfaq.search;

/**
 * What the index can lead to: a FAQ's answer, an article passage, or an out-of-scope topic (whose
 * text is its title, never shown as an answer).
 *
 * @param text the words as the knowledge base holds them, read for matching
 * @param shown the text as the bot says it: quoted after its author and article when it speaks in the author's first
 *     person ({@link com.clinicfaq.knowledge.Attribution})
 */
record IndexedItem(String id, String text, Answer.Source source, Kind kind, String shown) {

    IndexedItem(String id, String text, Answer.Source source, Kind kind) {
        this(id, text, source, kind, text);
    }

    enum Kind {
        FAQ,
        PASSAGE,
        OUT_OF_SCOPE
    }
}
