package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTests {

    @Test
    void forgivesATypoInAWordThatIsNotAWord() {
        assertThat(Words.same("bleeding", "bleading")).isTrue();
        assertThat(Words.same("stroke", "storke")).isTrue();
        assertThat(Words.startsWith("sucidal", "suicid")).isTrue();
        assertThat(Words.startsWith("numbnes", "numb")).isTrue();
    }

    @Test
    void neverReadsACorrectlySpelledWordAsAnotherWord() {
        assertThat(Words.same("infection", "injection")).isFalse();
        assertThat(Words.same("faint", "paint")).isFalse();
        assertThat(Words.same("bleeding", "breeding")).isFalse();
        assertThat(Words.startsWith("parallel", "paraly")).isFalse();
        assertThat(Words.startsWith("inyectaron", "infectad")).isFalse();
    }

    @Test
    void readsSpanishWithAndWithoutAccentsAlike() {
        assertThat(Words.of("¿Mi mamá está bien? NO PUEDE RESPIRAR")).containsExactly("mi", "mama", "esta", "bien", "no", "puede", "respirar");
        assertThat(Words.of("la cara caída")).isEqualTo(Words.of("la cara caida"));
    }

    @Test
    void tellsSpanishFromEnglishInShortMessages() {
        assertThat(Language.of("mi esposo no puede respirar")).isEqualTo(Language.SPANISH);
        assertThat(Language.of("se desmayo y no responde")).isEqualTo(Language.SPANISH);
        assertThat(Language.of("my husband cant breathe")).isEqualTo(Language.ENGLISH);
        assertThat(Language.of("CHEST PAIN")).isEqualTo(Language.ENGLISH);
    }
}
