package com.clinicfaq.search;

/**
 * What the index can lead to: a FAQ's answer, an article passage, or an out-of-scope topic (whose
 * text is its title, never shown as an answer).
 */
record IndexedItem(String id, String text, Answer.Source source, Kind kind) {

    enum Kind {
        FAQ,
        PASSAGE,
        OUT_OF_SCOPE
    }
}
