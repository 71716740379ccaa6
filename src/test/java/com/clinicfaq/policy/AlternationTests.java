package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AlternationTests {

    /** Expressions of the shapes the frames use: literal words, optional words first, groups, classes, look-aheads. */
    static final List<String> REGEXES = List.of(
            "no",
            "not",
            "no tengo",
            "never",
            "(?:almost |nearly )?gave me a heart attack",
            "(?:\\w+ )?(?:years?|months?) ago",
            "n?either",
            "since(?! (?:\\w+ ){0,4}years ago)",
            "[ab]ad",
            "x{2}",
            "me (?:muero|moria) de risa",
            "la|el dolor",
            "ha+",
            "19\\d\\d");

    static final List<String> TEXTS = List.of(
            "no i have not had a fever",
            "no tengo fiebre since two years ago",
            "she almost gave me a heart attack",
            "two years ago i fell and never got up",
            "either way neither of us knew",
            "since monday bad and sad",
            "xx el dolor me muero de risa haaa 1987",
            "la la land nothing matches here",
            "");

    @Test
    void triedByTheFirstLetterItMatchesWhereAndAsFarAsTheWholeUnionDoes() {
        Alternation alternation = new Alternation(REGEXES);
        Pattern union = Pattern.compile("\\b(?:" + String.join("|", REGEXES) + ")\\b");
        int matches = 0;
        for (String text : TEXTS) {
            Alternation.Scan scan = alternation.over(text);
            Matcher whole = union.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int start = 0; start < text.length(); start++) {
                if (start > 0 && text.charAt(start - 1) != ' ') {
                    continue; // words start after a space: the only places the frames are tried
                }
                int expected = whole.region(start, text.length()).lookingAt() ? whole.end() : -1;
                assertThat(scan.endAt(start)).as("%s at %d", text, start).isEqualTo(expected);
                matches += expected >= 0 ? 1 : 0;
            }
        }
        assertThat(matches).isGreaterThan(15);
    }

    @Test
    void onlyAnExpressionThatMustStartWithOneCharacterIsFiledUnderIt() {
        assertThat(Alternation.first("no tengo")).isEqualTo('n');
        assertThat(Alternation.first("never (?:once|twice)")).isEqualTo('n');
        assertThat(Alternation.first("19\\d\\d")).isEqualTo('1');
        assertThat(Alternation.first("n?either")).isEqualTo(-1);
        assertThat(Alternation.first("ha+")).isEqualTo('h');
        assertThat(Alternation.first("x{2}")).isEqualTo(-1);
        assertThat(Alternation.first("la|el dolor")).isEqualTo(-1);
        assertThat(Alternation.first("(?:almost )?gave")).isEqualTo(-1);
        assertThat(Alternation.first("[ab]ad")).isEqualTo(-1);
        assertThat(Alternation.first("")).isEqualTo(-1);
    }
}
