package com.clinicfaq.search;

import com.clinicfaq.knowledge.Folding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rough English reading of a Spanish message, word by word, for the English embedding model and the English engine,
 * which read Spanish poorly (issue #16): "cuánto tiempo dura la recuperación" reads "how long lasts the recovery". The
 * glossary ({@code spanish-gloss.tsv} beside this class) is a general one of the words patients and their relatives
 * write to a practice, written from knowledge of the language alone, never from the articles or the evaluation sets: a
 * fixed expression of up to four words is read before its words ("a qué hora": "what time"), accents and case are
 * folded, a word one letter off a known word of five letters or more is read as it (unless it is a known word itself),
 * and a word the glossary lacks is kept, turned into its English cognate where its ending says how ("ablación":
 * "ablation", "kifoplastia": "kyphoplasty"), so English words and names pass through. Immutable; thread-safe.
 */
public final class SpanishGloss {

    private static final String RESOURCE = "spanish-gloss.tsv";
    private static final int LONGEST = 4;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private static volatile SpanishGloss shipped;

    /**
     * Words that ask only when written with their accent or opening a sentence ("¿qué es?", "que es?") and otherwise
     * join ("dice que", "si puedo"); "si" alone is a yes.
     */
    private static final Map<String, String> UNLESS_ASKING = Map.of(
            "que", "that",
            "como", "like",
            "cuando", "when",
            "donde", "where",
            "cuanto", "as much",
            "quien", "who",
            "si", "if");

    private static final Pattern OPENING = Pattern.compile("(^|[¿¡.?!:\\n]|\\by\\b)\\s*$");
    private static final Pattern ANSWERING = Pattern.compile("^\\s*($|[,.!])");

    /** Folded Spanish words, or words joined by one space, to their English. */
    private final Map<String, String> glossary;
    /** Each known word of five letters or more with one letter deleted, to the known word. */
    private final Map<String, String> oneLetterOff;

    SpanishGloss(Map<String, String> glossary) {
        this.glossary = Map.copyOf(glossary);
        Map<String, String> deletions = new HashMap<>();
        for (String key : glossary.keySet()) {
            if (key.indexOf(' ') < 0 && key.length() >= 5) {
                for (int i = 0; i < key.length(); i++) {
                    deletions.putIfAbsent(key.substring(0, i) + key.substring(i + 1), key);
                }
                deletions.putIfAbsent(key, key);
            }
        }
        this.oneLetterOff = Map.copyOf(deletions);
    }

    /** The glossary shipped beside this class. */
    public static SpanishGloss shipped() {
        SpanishGloss gloss = shipped;
        if (gloss == null) {
            synchronized (SpanishGloss.class) {
                gloss = shipped;
                if (gloss == null) {
                    gloss = shipped = read(SpanishGloss.class.getResourceAsStream(RESOURCE));
                }
            }
        }
        return gloss;
    }

    static SpanishGloss read(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("the Spanish glossary " + RESOURCE + " is missing");
        }
        Map<String, String> glossary = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab <= 0 || line.startsWith("#")) {
                    continue;
                }
                String spanish = String.join(" ", words(line.substring(0, tab)));
                String english = line.substring(tab + 1).strip().toLowerCase(Locale.ROOT);
                if (!spanish.isEmpty() && !english.isEmpty()) {
                    glossary.putIfAbsent(spanish, english);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpanishGloss(glossary);
    }

    /** The message read word by word in English. */
    public String gloss(String message) {
        List<String> words = new ArrayList<>();
        List<Boolean> accented = new ArrayList<>();
        List<Boolean> opening = new ArrayList<>();
        List<Boolean> closing = new ArrayList<>();
        String written = Normalizer.normalize(message, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Matcher m = WORD.matcher(written);
        while (m.find()) {
            String word = Folding.plain(m.group());
            words.add(word.equals("q") || word.equals("k") ? "que" : word); // as typed on a phone
            accented.add(!word.equals(m.group()));
            opening.add(OPENING.matcher(written.substring(0, m.start())).find());
            closing.add(ANSWERING.matcher(written.substring(m.end())).find());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            String joining = UNLESS_ASKING.get(words.get(i));
            boolean asking = words.get(i).equals("si")
                    ? accented.get(i) || opening.get(i) && closing.get(i) // "sí", "si, gracias", "si."
                    : accented.get(i) || opening.get(i);
            if (joining != null && !asking) {
                out.add(joining);
                i++;
                continue;
            }
            int taken = 0;
            for (int n = Math.min(LONGEST, words.size() - i); n >= 2 && taken == 0; n--) {
                String english = glossary.get(String.join(" ", words.subList(i, i + n)));
                if (english != null) {
                    out.add(english);
                    taken = n;
                }
            }
            if (taken == 0) {
                out.add(word(words.get(i)));
                taken = 1;
            }
            i += taken;
        }
        return String.join(" ", out);
    }

    private String word(String word) {
        String english = glossary.get(word);
        if (english != null) {
            return english;
        }
        if (word.length() > 3 && word.endsWith("s")) {
            english = glossary.get(word.substring(0, word.length() - 1));
            if (english != null) {
                return english;
            }
        }
        if (word.length() >= 5) {
            String known = corrected(word);
            if (known != null) {
                return glossary.get(known);
            }
        }
        return cognate(word);
    }

    /** The known word one letter off (a letter missing, extra or changed), if exactly that. */
    private String corrected(String word) {
        String known = oneLetterOff.get(word); // a letter extra, or the word itself
        if (known != null) {
            return known;
        }
        for (int i = 0; i < word.length(); i++) {
            known = oneLetterOff.get(word.substring(0, i) + word.substring(i + 1)); // a letter changed or missing
            if (known != null && oneEditApart(known, word)) {
                return known;
            }
        }
        return null;
    }

    /** Whether two words differ by one letter missing, extra or changed, or two letters swapped. */
    static boolean oneEditApart(String a, String b) {
        if (a.length() == b.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    first = differences++ == 0 ? i : first;
                }
            }
            return differences == 1
                    || differences == 2
                            && first + 1 < a.length()
                            && a.charAt(first) == b.charAt(first + 1)
                            && a.charAt(first + 1) == b.charAt(first);
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (longer.length() - shorter.length() != 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    private static final String[][] ENDINGS = {
        {"plastia", "plasty"},
        {"plastias", "plasties"},
        {"ciones", "tions"},
        {"cion", "tion"},
        {"siones", "sions"},
        {"sion", "sion"},
        {"idad", "ity"},
        {"idades", "ities"},
        {"logia", "logy"},
        {"tomia", "tomy"},
        {"patia", "pathy"},
        {"terapia", "therapy"},
        {"scopia", "scopy"},
        {"encia", "ence"},
        {"ancia", "ance"},
        {"ismo", "ism"},
        {"ivo", "ive"},
        {"iva", "ive"},
        {"oso", "ous"},
        {"osa", "ous"},
        {"ario", "ary"},
        {"aria", "ary"},
        {"grafia", "graphy"},
        {"itis", "itis"},
        {"osis", "osis"},
        {"mente", "ly"},
        {"ico", "ic"},
        {"ica", "ic"},
        {"icos", "ic"},
        {"icas", "ic"},
    };

    /**
     * A Spanish word's English cognate where its ending says how, an "es" before a consonant dropped ("estimulación":
     * "stimulation", "espinal": "spinal"); else the word as written.
     */
    static String cognate(String word) {
        if (word.length() > 5 && word.startsWith("es") && "aeiou".indexOf(word.charAt(2)) < 0) {
            return cognate(word.substring(1));
        }
        for (String[] ending : ENDINGS) {
            if (word.length() > ending[0].length() + 2 && word.endsWith(ending[0])) {
                String stem = word.substring(0, word.length() - ending[0].length());
                if (ending[0].startsWith("plastia")) { // cifoplastia, kifoplastia: kyphoplasty
                    stem = stem.replace("f", "ph");
                    stem = stem.startsWith("ki") || stem.startsWith("ci") ? "ky" + stem.substring(2) : stem;
                }
                return stem + ending[1];
            }
        }
        return word;
    }

    /** A text's words, accents and case folded. */
    static List<String> words(String text) {
        String words = Folding.words(Folding.plain(text));
        return words.isEmpty() ? List.of() : List.of(words.split(" "));
    }
}
