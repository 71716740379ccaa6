package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

    @Test
    void keepsEmojiRightToLeftScriptMarksAndCombiningCharactersExactly() {
        String text =
                "Family 👨‍👩‍👧 🇺🇸 𝔘𝔫𝔦 e\u0301 \u200Fשלום\u200E مرحبا \u202Eoverride\u202C \u200B\uFEFF tab\tline\r\n";

        assertThat(PlainText.isClean(text)).isTrue();
        assertThat(PlainText.clean(text)).isSameAs(text);
    }

    @Test
    void dropsControlCharactersButTabAndLineBreaks() {
        assertThat(PlainText.clean("a\u0000b\u0007c\u001B[31md\u007Fe\u0085f\u009Bg\th\ni\r"))
                .isEqualTo("abc[31mdefg\th\ni\r");
    }

    @Test
    void replacesSurrogatesWithoutTheirPair() {
        assertThat(PlainText.clean("lone \uD800 low \uDC00 reversed \uDC00\uD800 end \uD83D"))
                .isEqualTo("lone \uFFFD low \uFFFD reversed \uFFFD\uFFFD end \uFFFD");
        assertThat(PlainText.isClean("end \uD83D")).isFalse();
        assertThat(PlainText.isClean("ok \uD83D\uDE00")).isTrue();
    }
}
