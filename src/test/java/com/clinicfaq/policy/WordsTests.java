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
    void aSpanishMessagesConjugatedWordsAreTakenAsWrittenWhereAnEnglishMessagesTyposAreStillForgiven() {
        java.util.List<String> spanish = Words.of("adiós, que tenga buen día");
        assertThat(Words.known(spanish, spanish.indexOf("tenga")))
                .as("a form of tener, not a typo of tengo")
                .isTrue();
        assertThat(Words.known(Words.of("dígamelo por favor"), 0)).isTrue();
        java.util.List<String> english = Words.of("helo, anyone there");
        assertThat(Words.known(english, 0))
                .as("Spanish has 'helo' (I freeze); an English message means hello")
                .isFalse();
        // and so a goodbye with a blessing is no question about one's symptoms ("que tengo")
        assertThat(RealPolicy.policy().decide("adiós, que tenga buen día"))
                .isNotInstanceOf(Decision.NeedsClinician.class);
    }

    @Test
    void readsSpanishWithAndWithoutAccentsAlike() {
        assertThat(Words.of("¿Mi mamá está bien? NO PUEDE RESPIRAR"))
                .containsExactly("mi", "mama", "esta", "bien", "no", "puede", "respirar");
        assertThat(Words.of("la cara caída")).isEqualTo(Words.of("la cara caida"));
    }

    @Test
    void tellsSpanishFromEnglishInShortMessages() {
        assertThat(Language.of("mi esposo no puede respirar")).isEqualTo(Language.SPANISH);
        assertThat(Language.of("se desmayo y no responde")).isEqualTo(Language.SPANISH);
        assertThat(Language.of("my husband cant breathe")).isEqualTo(Language.ENGLISH);
        assertThat(Language.of("CHEST PAIN")).isEqualTo(Language.ENGLISH);
        // without the function words, a message of four words or more is told by the language detector
        assertThat(Language.detect("me van a dormir completa o nomas sedasion")).contains(Language.SPANISH);
        assertThat(Language.detect("mismo dia a casa?")).contains(Language.SPANISH);
        assertThat(Language.detect("Worried about cement leakage afterwards")).contains(Language.ENGLISH);
        // and a shorter one keeps the conversation's language
        assertThat(Language.detect("frio o calor?")).isEmpty();
        assertThat(Language.detect("Medicare?")).isEmpty();
    }

    @Test
    void spellsOutSpanishAsTypedOnAPhoneButNeverAnEnglishWord() {
        assertThat(Words.of("mi apa dice q se quiere morir xq le duele"))
                .containsExactly("mi", "apa", "dice", "que", "se", "quiere", "morir", "porque", "le", "duele");
        assertThat(Words.of("la voy a matar d un susto, nomas xa saber"))
                .containsExactly("la", "voy", "a", "matar", "de", "un", "susto", "nomas", "para", "saber");
        assertThat(Words.of("x favor")).containsExactly("por", "favor");
        // "d", "pa" and "x" only beside Spanish: an English message keeps them
        assertThat(Words.of("I take vitamin d daily")).containsExactly("i", "take", "vitamin", "d", "daily");
        assertThat(Words.of("the PA said an x ray")).containsExactly("the", "pa", "said", "an", "x", "ray");
        // and a rule's Spanish words read a message so typed
        assertThat(RealPolicy.policy().decide("mi papa dice q ya no quiere vivir"))
                .isInstanceOf(Decision.Emergency.class);
    }

    @Test
    void aSpanishWordWrittenByEarIsTheWordItSoundsLikeButNeverACorrectlySpelledOne() {
        assertThat(Words.same("vida", Words.of("ya no sirbo pa nada, mejor me boy a quitar la bida"), 11))
                .isTrue();
        assertThat(Words.same("mover", Words.of("mi compañero no puede mober las piernas"), 4))
                .isTrue();
        assertThat(Words.of("pa ke sigo porke ya no puedo")).contains("que", "porque");
        // a word spelled correctly is never taken for another: "caza" (hunting) is not "casa", "boy" not "voy"
        assertThat(Words.same("casa", Words.of("se fue de caza con su hermano"), 3))
                .isFalse();
        assertThat(Words.same("voy", Words.of("mi boy tiene fiebre"), 1)).isFalse();
        // and only in a message written in Spanish
        assertThat(Words.same("vida", Words.of("the bida app says my heart rate is fine"), 1))
                .isFalse();
    }
}
