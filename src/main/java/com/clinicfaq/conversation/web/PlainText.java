package com.clinicfaq.conversation.web;

/**
 * What a visitor's strings may hold once they leave the wire. JSON lets a frame carry characters
 * that a browser's text box never produces and that hurt further on: NUL, which PostgreSQL refuses
 * to store (the message would fail), unpaired UTF-16 surrogates (escapes such as {@code "\ud800"}),
 * which cannot be encoded as UTF-8 and so would break every later resume of the conversation, and
 * terminal control sequences, which would travel into the plain-text transcript export.
 */
final class PlainText {

    private PlainText() {}

    /**
     * Drops control characters other than tab, line feed and carriage return, and replaces each
     * unpaired surrogate with U+FFFD. Everything else (emoji, right-to-left text, bidi and
     * zero-width marks, combining characters) stays exactly as sent.
     */
    static String clean(String text) {
        if (isClean(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                clean.append('\uFFFD');
            } else if (!isDropped(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** True when {@link #clean} would return the text unchanged. */
    static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || isDropped(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDropped(char c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }
}
