package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A Spanish message read word by word in English for the English model (issue #16). */
class SpanishGlossTests {

    private final SpanishGloss gloss = SpanishGloss.shipped();

    @Test
    void readsAFixedExpressionBeforeItsWordsWithOrWithoutAccents() {
        assertThat(gloss.gloss("¿Cuánto tiempo dura la recuperación?")).startsWith("how long");
        assertThat(gloss.gloss("cuanto tiempo dura la recuperacion")).startsWith("how long");
        assertThat(gloss.gloss("a q hora abren?")).startsWith("what time");
    }

    @Test
    void readsAnExpressionWhoseWordsWouldMisleadAsAWhole() {
        // word by word these read "is surgery older", "what have to take", "give me of high", "is insurance"
        assertThat(gloss.gloss("¿es cirugía mayor?")).isEqualTo("is it major surgery");
        assertThat(gloss.gloss("que tengo que llevar el dia del procedimiento")).contains("bring");
        assertThat(gloss.gloss("me dan de alta el mismo dia?")).doesNotContain("high");
        assertThat(gloss.gloss("¿que tan seguro es?")).contains("safe").doesNotContain("insurance");
    }

    @Test
    void aQuestionWordAsksOnlyWithItsAccentOrOpeningASentence() {
        assertThat(gloss.gloss("¿Qué es la cifoplastia?")).isEqualTo("what is the kyphoplasty");
        assertThat(gloss.gloss("que es la kifoplastia")).isEqualTo("what is the kyphoplasty");
        assertThat(gloss.gloss("mi mamá dice que le duele"))
                .contains("says that")
                .doesNotContain("what");
        assertThat(gloss.gloss("si puedo manejar")).startsWith("if ");
        assertThat(gloss.gloss("sí")).isEqualTo("yes");
        assertThat(gloss.gloss("si, gracias")).startsWith("yes ");
    }

    @Test
    void readsAWordOneLetterOffAsTheWordButNeverACorrectlySpelledWordAsAnother() {
        assertThat(gloss.gloss("la medisina")).isEqualTo(gloss.gloss("la medicina"));
        assertThat(gloss.gloss("inyección")).isNotEqualTo(gloss.gloss("infección"));
        assertThat(gloss.gloss("inyeccion")).contains("injection");
        assertThat(gloss.gloss("infeccion")).contains("infection");
    }

    @Test
    void aTranslationsTermWrittenAsItSoundsIsFound() {
        // two letters off, but the same sound: a soft c as s, a soft g as j, a silent h, qu as k
        assertThat(com.clinicfaq.knowledge.Folding.spanishSound("bertebra"))
                .isEqualTo(com.clinicfaq.knowledge.Folding.spanishSound("vertebra"));
        assertThat(com.clinicfaq.knowledge.Folding.spanishSound("ciphoplastia"))
                .isEqualTo(com.clinicfaq.knowledge.Folding.spanishSound("cifoplastia"));
        assertThat(com.clinicfaq.knowledge.Folding.spanishSound("casa"))
                .isNotEqualTo(com.clinicfaq.knowledge.Folding.spanishSound("cosa"));
        // a translation's terms are found so too, a correctly spelled term kept
        java.util.Set<String> known = java.util.Set.copyOf(TranslatedIndex.terms("cirugía vértebras balón"));
        assertThat(TranslatedIndex.nearest(TranslatedIndex.terms("sirujia").getFirst(), known))
                .isEqualTo(TranslatedIndex.terms("cirugía").getFirst());
        assertThat(TranslatedIndex.nearest(TranslatedIndex.terms("vaolon").getFirst(), known))
                .isEqualTo(TranslatedIndex.terms("balón").getFirst());
    }

    @Test
    void keepsEnglishWordsAndNamesAndTurnsAnUnknownCognateIntoEnglish() {
        assertThat(gloss.gloss("el recovery es largo?")).contains("recovery");
        assertThat(gloss.gloss("la vertebroplastia")).endsWith("vertebroplasty");
        assertThat(SpanishGloss.cognate("cifoplastia")).isEqualTo("kyphoplasty");
        assertThat(SpanishGloss.cognate("estimulacion")).isEqualTo("stimulation");
        assertThat(SpanishGloss.cognate("rizotomia")).isEqualTo("rizotomy");
        assertThat(SpanishGloss.cognate("esclerosis")).isEqualTo("sclerosis");
        assertThat(SpanishGloss.cognate("medula")).isEqualTo("medula"); // no ending that says how: as written
    }

    @Test
    void twoWordsOneEditApartAreTold() {
        assertThat(SpanishGloss.oneEditApart("medisina", "medicina")).isTrue();
        assertThat(SpanishGloss.oneEditApart("espadla", "espalda")).isTrue();
        assertThat(SpanishGloss.oneEditApart("abren", "saben")).isFalse();
        assertThat(SpanishGloss.oneEditApart("dolor", "dolores")).isFalse();
    }
}
