package com.clinicfaq.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void aLatinTitleBecomesItsWordsInLowerCase() {
        assertThat(Slugs.of("What Is Kyphoplasty?")).isEqualTo("what-is-kyphoplasty");
        assertThat(Slugs.of("¿Qué es la cifoplastia?")).isEqualTo("que-es-la-cifoplastia");
        assertThat(Slugs.of("Risks & Benefits")).isEqualTo("risks-and-benefits");
    }

    @Test
    void titlesInOtherScriptsGetSlugsOfTheirOwn() {
        String greek = Slugs.of("Τι είναι η κυφοπλαστική;");
        String otherGreek = Slugs.of("Πόσο διαρκεί η επέμβαση;");
        String chinese = Slugs.of("椎体后凸成形术");

        assertThat(greek).matches("section-[0-9a-f]{6}");
        assertThat(greek).isNotEqualTo(otherGreek).isNotEqualTo(chinese);
        assertThat(Slugs.of("RFA 椎体")).matches("rfa-[0-9a-f]{6}");
    }

    @Test
    void aLongTitleIsCutAtAWordAndKeepsApartFromAnotherWithTheSameStart() {
        String start = "what to expect ".repeat(10);
        String one = Slugs.of(start + "before the procedure");
        String other = Slugs.of(start + "after the procedure");

        assertThat(one.length()).isLessThanOrEqualTo(Slugs.LONGEST + 7);
        assertThat(one)
                .startsWith("what-to-expect-what-to-expect")
                .doesNotContain("--")
                .isNotEqualTo(other);
        assertThat(one).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
