package com.clinicfaq.search;

/** An answer the index can give: a FAQ's answer or an article passage, with its source. */
record IndexedItem(String id, String text, Answer.Source source, boolean faq) {}
