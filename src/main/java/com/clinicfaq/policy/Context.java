package com.clinicfaq.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words of a message are out of the present, after the ConText algorithm of clinical text processing
 * (Harkema, Chapman et al., 2009, itself built on NegEx). A trigger puts the words in its scope out of the here and
 * now: denied ("no fever", "isn't short of breath", "sin fiebre"), hypothetical ("what should I do if I get a fever",
 * "suppose", "si me da fiebre"), asked about in general ("what are the signs of a stroke", "síntomas de"), past or
 * long-standing ("I had a stroke in 2019", "for years", "hace diez años"), over or told to be expected ("he's fine
 * now", "the nurse said it was normal", "ya pasó"), or a figure of speech ("this pain is killing me", "jaja").
 *
 * <p>A denial's scope is the next six words; a hypothesis's the rest of its clause (to a comma); a general question's
 * both ends of its clause; a past or resolved trigger's eight words on each side. A figure of speech covers only its
 * own words, which no emergency pattern may use. Scopes stop at a
 * terminator ("but", "now", "suddenly", "pero", "ahora"...); a past trigger's also at a fresh time ("this morning",
 * "tonight", "hoy"). A pseudo-trigger ("can not", "no puede", "not sure if") holds a trigger's words without being
 * one. Recent times ("two days ago", "this morning") are never past.
 *
 * <p>Triggers are regular expressions over the sentence as {@link Words} reads it (lower case, no accents, no
 * apostrophes, single spaces). An emergency pattern does not count words in scope of a trigger outside them; a
 * trigger inside the words a pattern matched is part of the symptom ("not breathing").
 */
final class Context {

    enum Kind {
        NEGATION,
        HYPOTHETICAL,
        GENERAL,
        REPORTED,
        PAST,
        RESOLVED,
        FIGURATIVE
    }

    /** @param when whether a match at a word (the sentence's words, the match's first) is one (null: always) */
    private record Trigger(
            Pattern regex, Kind kind, java.util.function.BiPredicate<List<String>, Integer> when, String source) {}

    private static final int NEGATION_SCOPE = 6;
    /**
     * Words that open a main clause after a comma: a hypothesis or a general question ends there ("sorry if this is
     * weird, my eyelid is drooping"), not at a comma before an example ("if something went wrong, like bad bleeding").
     */
    private static final java.util.Set<String> SUBJECTS = java.util.Set.of(
            "i", "im", "ive", "my", "he", "hes", "she", "shes", "his", "her", "we", "our", "they", "theyre", "its",
            "it", "now", "yo", "mi", "mis", "el", "ella", "su", "sus", "nos", "me", "se", "le", "ahora", "ahorita",
            "pero");

    /** How far a past, resolved or general trigger reaches on each side (a run-on message has no sentence ends). */
    private static final int NEAR_SCOPE = 8;

    /** Where a sentence ends; never at a decimal point ("a fever, now 101.9, and her back pain is worse"). */
    private static final Pattern SENTENCE = Pattern.compile("(?:[!?;\\n\\r¿¡…]|\\.(?!\\d)|(?<!\\d)\\.)+|\\s-\\s");

    private static final List<Trigger> TRIGGERS = new ArrayList<>();

    private static void add(Kind kind, String... regexes) {
        for (String regex : regexes) {
            TRIGGERS.add(new Trigger(Pattern.compile("\\b(?:" + regex + ")\\b"), kind, null, regex));
        }
    }

    /** Past-tense words a deed told in a period of life is said with ("tried", "took", "was"). */
    private static final java.util.Set<String> PAST_VERBS =
            java.util.Set.of("took", "had", "was", "did", "went", "got", "made", "felt");
    /** Words before a period of life that make it an age now ("I'm in my 70s", "she is in her 80s"). */
    private static final java.util.Set<String> BEING = java.util.Set.of("im", "am", "hes", "shes", "is", "were", "are");

    /**
     * A period of life after the deed it dates ("I tried to kill myself in my twenties"), never an age stated now ("I'm
     * in my 70s and ...") nor one that describes someone ("my son in his twenties took all my pills"): a past-tense
     * verb among the six words before it. Checked on the words, since a look-behind over them in the regular
     * expression slowed every sentence's reading tenfold.
     */
    private static void addPeriodAfterTheDeed(String regex) {
        TRIGGERS.add(new Trigger(
                Pattern.compile("\\b(?:" + regex + ")\\b"),
                Kind.PAST,
                (words, at) -> {
                    if (at == 0 || BEING.contains(words.get(at - 1))) {
                        return false;
                    }
                    for (int i = Math.max(0, at - 6); i < at; i++) {
                        String word = words.get(i);
                        if (word.length() > 3 && word.endsWith("ed") || PAST_VERBS.contains(word)) {
                            return true;
                        }
                    }
                    return false;
                },
                regex));
    }

    /** Words that deny what follows them: "not doing much better", "no está mejor". */
    private static final java.util.Set<String> DENYING = java.util.Set.of(
            "no", "not", "ni", "nunca", "never", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "aint", "dont",
            "doesnt", "didnt");

    /** Triggers that count only where the words before them pass the check ({@code at}: the trigger's first word). */
    private static void addWhere(
            Kind kind, java.util.function.BiPredicate<List<String>, Integer> when, String... regexes) {
        for (String regex : regexes) {
            TRIGGERS.add(new Trigger(Pattern.compile("\\b(?:" + regex + ")\\b"), kind, when, regex));
        }
    }

    /** Words that say something grows worse, before a time that would otherwise be a habit: "worse every day". */
    private static final java.util.Set<String> WORSENING =
            java.util.Set.of("worse", "more", "worsening", "peor", "mas", "empeora", "empeorando");

    /** Whether the word {@code back} words before {@code at} is one of these. */
    private static boolean before(List<String> words, int at, int back, java.util.Set<String> these) {
        return at >= back && these.contains(words.get(at - back));
    }

    /** Triggers that count only where the word before them does not deny them. */
    private static void addUnlessDenied(Kind kind, String... regexes) {
        addWhere(kind, (words, at) -> !before(words, at, 1, DENYING), regexes);
    }

    /** Words a question may open with before "qué es ...": "¿y qué es ...?", "para qué es el 988". */
    private static final java.util.Set<String> QUESTION_OPENERS = java.util.Set.of("y", "para", "pero", "o", "and");

    /** Times that say a state was before something began: "was fine an hour ago", "this morning she was fine". */
    private static final java.util.Set<String> BEFORE_IT_BEGAN = java.util.Set.of(
            "ago",
            "yesterday",
            "earlier",
            "before",
            "morning",
            "until",
            "hour",
            "hours",
            "minutes",
            "lunch",
            "breakfast",
            "dinner",
            "last");

    /** A past "was fine" (or "felt", "been") with a time of before around it (three words before, six after). */
    private static boolean fineBeforeItBegan(List<String> words, int at) {
        String verb = words.get(at);
        if (!verb.equals("was") && !verb.equals("were") && !verb.equals("felt") && !verb.equals("been")) {
            return false;
        }
        for (int i = Math.max(0, at - 3); i < Math.min(words.size(), at + 7); i++) {
            if (BEFORE_IT_BEGAN.contains(words.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Words before "old" that make it an age ("84 year old", "a 3-yr-old"), not a long-standing thing. */
    private static final java.util.Set<String> AGE =
            java.util.Set.of("year", "years", "yr", "yrs", "yo", "month", "months");

    /**
     * A long-standing complaint called old ("old numbness in my feet", "an old back injury", "my old fracture"), never
     * an age ("my 84 year old mother can't feel her legs") nor denied ("not an old injury, this is new"): checked on
     * the two words before it.
     */
    private static void addOld(String regex) {
        addWhere(
                Kind.PAST,
                (words, at) ->
                        !before(words, at, 1, AGE) && !before(words, at, 1, DENYING) && !before(words, at, 2, DENYING),
                regex);
    }

    private static Alternation any(String... regexes) {
        return new Alternation(List.of(regexes));
    }

    static {
        add(
                Kind.NEGATION,
                "no",
                "not",
                "never",
                "without",
                "nor",
                "none",
                "denies",
                "isnt",
                "wasnt",
                "arent",
                "werent",
                "hasnt",
                "havent",
                "hadnt",
                "dont have",
                "doesnt have",
                "didnt have",
                "dont get",
                "didnt get",
                "dont feel any",
                // an injury or an event denied ("didn't hit my head", "did not pass out"); never "didn't wake up",
                // "didn't stop bleeding", "didn't respond": only verbs whose denial is good news
                "(?:didnt|did not) (?:hit|bump|bang|knock|lose|pass|faint|black|fall|break|crack|bleed|vomit|throw)",
                // nothing went numb or swelled: "no se le durmió nada", never "no se le mueve nada"
                "no (?:se )?(?:me|le|les|nos) (?:durmio|durmieron|duerme|duermen|adormecio|entumio|entumecio|hincho|inflamo) nada",
                "no tengo",
                "no tiene",
                "no tenia",
                "no tuvo",
                "no he tenido",
                "no ha tenido",
                "no hay",
                "no ha",
                "no se ha",
                "no (?:se )?(?:me|le|les|nos) (?:ha|han|habia|habian) \\w+",
                "no (?:me|le|les|nos) falta",
                "no es",
                "no esta",
                "no estoy",
                "no estaba",
                "sin",
                "nunca",
                "ni",
                "tampoco");
        add(
                Kind.HYPOTHETICAL,
                "if",
                "what if",
                "in case",
                "in the event",
                // how to keep or get rid of medicines, asked: "where can I throw away leftover pain pills?", "¿cómo
                // guardo las pastillas para que los nietos no las agarren?"; a hypothesis, so that a threat of
                // self-harm said with it still counts ("how do I get rid of the pills before I take them all")
                "(?:how|where) (?:do|should|can|could) (?:i|we|you) (?:safely |best )?(?:store|keep|dispose of|get rid of|throw away|throw out|toss|discard|lock up)",
                "(?:como|donde) (?:puedo |debo |se |le hago para |hago para )?(?:guardo|guardar|guardamos|tiro|tirar|tiramos|desecho|desechar|deshacerme de|me deshago de)",
                "whether",
                "suppos\\w*",
                "lets say",
                "say (?:he|she|i)",
                "when (?:do|should) (?:we|i) (?:worry|call|go)",
                "what should (?:we|i) watch for",
                "before i worry",
                "when to worry",
                "so im prepared",
                "just so i know",
                "(?:is|would) (?:that|it|this) (?:be )?(?:a|an) (?:911|er|emergency|hospital)",
                "si",
                "en caso de",
                "que pasa si",
                "que (?:hago|hacemos|hacer) si",
                "cuando (?:debo|hay que|tengo que)",
                "y si",
                "por si (?:le|me|se) (?:da|pasa|llega)");
        add(
                Kind.GENERAL,
                "signs? of",
                "symptoms? of",
                "warning signs?",
                "risks?(?: of)?",
                "chances? of",
                "complications?",
                "side effects?",
                // what a thing can do, asked in general ("can the cement cause paralysis"); the word after the verb is
                // its subject, never an adverb ("pills that would just make everything stop")
                "(?:can|could|does|will|would) (?:it|this|that|the (?:procedure|injection|cement|shot|block|implant|device|treatment|surgery)|"
                        + "(?!(?:i|you|he|she|we|they|my|his|her|just|really|actually|simply|only|ever|also|still|probably"
                        + "|definitely|totally|even|finally|possibly)\\b)\\w+) (?:cause|lead to|make|leave|result in)",
                "is it true",
                // "can you overdose on a fentanyl patch just by touching it?": anyone, in general
                "(?:can|could) (?:you|one|someone|somebody|a person|people)(?= (?:\\w+ )?(?:overdose|od)\\b)",
                // what a thing is or looks like, asked as a definition: "what is a thunderclap headache", "¿cómo se
                // ve una reacción alérgica grave?"; never "what is happening to me"
                "what (?:exactly |precisely |really |actually )?(?:is|are) (?:a|an) ",
                "what (?:does|do) (?:a|an) (?:\\w+ ){1,4}(?:look|feel) like",
                // what a term means, asked of the term ("what does saddle numbness mean? it was on the warning signs
                // list"); never of oneself or someone ("what does it mean when i cant feel my legs", "what does
                // numbness in my groin mean")
                "what (?:does|do)(?= (?:the (?:term|word|phrase) )?(?:(?!(?:it|this|that|i|me|my|he|his|she|her|they|their|we|our|you|your|when|if)\\b)\\w+ ){1,3}mean\\b)",
                "que (?:significa|quiere decir)(?= (?:la palabra |el termino )?(?!(?:que|cuando|si|mi|me|le|se|su|lo|la|esto|eso)\\b)\\w)",
                "how (?:do|can|would) (?:you|i|we|one) (?:recognize|recognise|spot|tell)",
                "como se ve (?:un|una)",
                "como (?:se )?reconoce",
                "(?:i|we) (?:read|heard|saw) (?:that|online|somewhere|on)",
                // read, never seen or heard ("vi que no respiraba", "escuché que se cayó" tell what happened)
                "lei (?:que|en internet|en un|en una|por ahi)",
                "difference between",
                "is it possible",
                "how (?:common|likely|often|rare)",
                "what are the (?:odds|chances)",
                "in general",
                "(?:people|someone|patients|anyone) who",
                "ever happen",
                "does that happen",
                "actually happens",
                "senales de",
                "sintomas de",
                "riesgos?(?: de)?",
                "puede (?:causar|dar|provocar|dejar)",
                "es posible",
                "que tan (?:comun|seguido|frecuente)",
                "complicaciones",
                "efectos secundarios",
                "le puede pasar",
                // one, anyone: "¿cuánta sangre pierde uno?", "¿se le duerme a uno la pierna?"
                "(?:pierde|siente|sangra|queda|duele|pasa|tarda|recupera|puede|debe|tiene que|da|sabe|nota) uno\\b(?! de)",
                "(?:le|les) \\w+ a uno\\b",
                // "¿la inyección da fiebre?", as "does the injection cause fever?": a treatment that causes, no one it
                // did
                "(?:la|el|esta|este|esa|ese) (?:inyeccion|procedimiento|operacion|cirugia|cemento|bloqueo|ablacion|cifoplastia|"
                        + "tratamiento|anestesia|sedacion|medicina|medicamento|estimulador|implante) (?:da|causa|provoca|deja)",
                // what someone else might say, asked about ahead ("if one of my buddies ever talked about ending it,
                // who
                // do we call?", "si alguien de mi familia dijera que se quiere morir"): their words, not the visitor's
                "(?:what )?if (?:someone|anyone|somebody|a (?:friend|relative|neighbor|coworker|patient)|one of (?:my|our|the) \\w+|my (?:\\w+ )?(?:friend|buddy|father|mother|dad|mom|husband|wife|son|daughter|brother|sister|neighbor|coworker|patient)) "
                        + "(?:\\w+ ){0,3}(?:ever )?(?:said|says|say|talked|talks|talk|spoke|speaks|speak|mentioned|mentions|expressed|expresses|told|wrote|writes|texted|texts|brought up|brings up|admitted|admits|disclosed|discloses|revealed|reveals|confided|confides)",
                "si (?:algun dia |alguna vez |un dia )?(?:alguien|algun \\w+|alguna \\w+|un \\w+|una \\w+|mi \\w+)(?: de (?:mi|la|el) \\w+)? (?:\\w+ ){0,3}(?:dijera|dice|diga|hablara|habla|hable|comentara|comenta)",
                // people in general, in Spanish as in English: "¿el 988 es para gente que se quiere suicidar?"
                "(?:la |las |los )?(?:gente|personas|pacientes) que",
                "alguien que",
                "mucha gente",
                "(?:a lot of|many|most) people",
                "(?:esto|eso) (?:da|causa|provoca|deja)");
        // "¿qué es el síndrome de cauda equina?", asked at the start of a sentence, never "dice que es el peor de su
        // vida"
        addWhere(
                Kind.GENERAL,
                (words, at) -> at == 0 || at == 1 && QUESTION_OPENERS.contains(words.getFirst()),
                "(?:que|q|como) (?:es|son) (?:un|una|el|la|los|las) (?!que)");
        // a question someone else asks, reported: "the nurse asked if I have thoughts of hurting myself", "el
        // formulario pregunta si ...", "¿por qué pregunta si he pensado en el suicidio?"; never one's own wondering
        // ("me pregunto si vale la pena vivir", "I wonder if")
        add(
                Kind.REPORTED,
                "(?:they|she|he|it|nurse|doctor|form|questionnaire|paperwork) (?:\\w+ )?(?:asked|asks|asking) (?:me |him |her |us )?(?:if|whether|about)",
                // "marqué mal la pregunta de si pienso hacerme daño"
                "(?:la )?pregunta (?:de )?si",
                "(?:enfermera|doctor|doctora|medic[oa]|formulario|forma|cuestionario|papeles|hoja) (?:me |le |nos )?(?:pregunta|preguntan|pregunto|preguntaron|preguntaba)",
                "(?:por que|why does it|why do they) (?:me )?(?:pregunta|preguntan|ask|asks)");
        add(
                Kind.PAST,
                "(?:\\w+ )?(?:years?|yrs?|months?|decades?) ago",
                "back then",
                "ended up",
                "(?:family|medical) history",
                "(?:a )?(?:few|couple of|couple|many|several) (?:years|months)",
                "last (?:year|month|summer|winter|spring|fall)",
                "(?:19|20)\\d\\d",
                // long-standing since a year: "numbness in my foot since my surgery in 2011", "desde el 2015"
                "since (?:\\w+ ){0,4}(?:19|20)\\d\\d",
                "desde (?:\\w+ ){0,4}(?:19|20)\\d\\d",
                "back in",
                "years back",
                "as a (?:child|kid|teen)",
                "when (?:i|he|she) was (?:young|younger|a kid|little|a teenager|in (?:high school|college|my \\w+|his \\w+|her \\w+))",
                "used to",
                // a period of life told in the past tense ("in my 20s I attempted"; never "I'm in my 70s and ...")
                "in (?:my|his|her) (?:teens|twenties|thirties|[1-6]0s) (?:i|he|she) (?:\\w+ed|went|had|was|did|took|got|made|felt|tried)",
                "as a (?:teenager|young (?:man|woman|adult))",
                "when (?:i|he|she) was (?:\\d+|a teen\\w*)",
                "cuando (?:yo )?(?:tenia|tuve) \\d+",
                "history of",
                "in the past",
                // never all at once ("took all her pills for the week at once")
                "(?<!\\bat )once",
                "previous(?:ly)?",
                "a while back",
                "for (?:\\w+ )?(?:\\w+ )?(?:years|yrs|decades|a long time)",
                "ever since",
                "since (?:i|he|she|my) (?:was|had|were)",
                "(?:always|forever) (?:had|been|have)",
                "has always",
                "have always",
                "nothing new",
                "same as always",
                "comes and goes",
                "stable",
                "chronic",
                "hace (?:\\w+ ){0,3}(?:anos|meses|mes|decadas)",
                "hace mucho tiempo",
                "hace mucho(?= (?:como|unos|unas|mas|ya|cuando)\\b|$)",
                // a decade of one's life, told: "attempted suicide in the 90s"
                "in the (?:[1-9]0s|nineties|eighties|seventies|sixties)",
                // long ago, told in the past tense: "hace mucho no podía orinar", "hace mucho me operaron"; never "hace
                // mucho rato que no responde", which goes on
                "hace mucho(?= (?:no |ya |me |le |se |lo |la )?(?:\\w+(?:ia|ian|aba|aban|aron|ieron)|dio|fue|tuve|tuvo|hice|hizo|quise|quiso|pude|pudo|vino|estuve|estuvo|dijo|dije|cayo)\\b)",
                "(?:el|los) (?:ano|anos) pasados?",
                // as "last month", "last summer"
                "(?:el|la) (?:mes|semana|verano|invierno|otono|primavera) pasad[oa]",
                "anos atras",
                "de (?:nino|nina|joven|chico|chica|chiquit[oa]|pequen[oa]|adolescente)",
                "cuando (?:era|estaba) (?:joven|chic[oa]|adolescente|en la (?:prepa|secundaria|universidad))",
                "in (?:january|february|march|april|june|july|august|september|october|november|december)",
                "en (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)",
                "\\w+ before(?= and| so| but|$)",
                // also as it sounds, written by ear: "una ves", "una bes"; never all at once ("se tomó todas las
                // pastillas de la semana de una vez")
                "(?<!\\bde )una (?:vez|ves|bes|bez)",
                "hace tiempo",
                // long-standing: "desde hace años", never an onset an hour ago ("desde hace como una hora")
                "desde hace (?:\\w+ ){0,3}(?:anos|meses|decadas|mucho|tiempo)",
                "desde (?:el|la|su|mi) (?:accidente|parto|embarazo)",
                "siempre",
                "toda la vida",
                "no ha cambiado",
                "nunca ha cambiado",
                "(?:hasnt|havent|has not|have not|never) changed",
                "como siempre",
                "antecedentes",
                "cronic[oa]",
                "le dio (?:un|una) \\w+ hace",
                "(?:tengo|tiene|tenemos|llevo|lleva|llevamos) (?:\\w+ )?(?:anos|meses|decadas) con",
                "asi se (?:quedo|va a quedar|ha quedado)");
        // every day, as a habit ("I take it every morning", "cada noche"); never a worsening ("worse every day", "cada
        // día más", "peor cada día")
        addWhere(
                Kind.PAST,
                (words, at) -> !before(words, at, 1, WORSENING) && !before(words, at, 2, WORSENING),
                "every (?:morning|day|night|evening|week)(?! (?:worse|more|harder))",
                "daily",
                "todos los dias(?! (?:mas|peor))",
                "cada (?:dia|manana|noche)(?! (?:mas|peor|menos))");
        addPeriodAfterTheDeed("in (?:my|his|her) (?:teens|twenties|thirties|forties|fifties|[1-6]0s)");
        // how one is now, never denied ("not doing much better", "no está mejor", "no se siente mejor")
        // how one was before it began is no resolution: "she was fine 10 minutes ago", "yesterday it was fine"
        addWhere(
                Kind.RESOLVED,
                (words, at) -> !before(words, at, 1, DENYING) && !fineBeforeItBegan(words, at),
                "(?:is|was|are|were|im|hes|shes|felt|feels|feeling|doing|been|all) (?:so |really |very |much |a lot |way |far )?(?:fine|ok|okay|well|great|better|good)(?! off)(?: now)?");
        addUnlessDenied(
                Kind.RESOLVED,
                // "me siento bien", "ya se siente mejor", "estoy mucho mejor"
                "(?:me siento|se siente|nos sentimos|me encuentro|se encuentra|ando|anda) (?:muy |super |mucho |ya )?(?:bien|mejor)"
                        + "(?! (?:mal[oa]?|malit[oa]|raro|rara|debil|fri[oa]|caliente|palid[oa]|\\w+(?:ad|id)[oa]s?"
                        + "|\\w+os[oa]s?|\\w+ientes?|\\w+antes?)\\b)",
                "(?:estoy|esta|estamos) (?:mucho |ya |muy )?mejor",
                // a bleeding that stopped, never one that has not ("hasn't stopped bleeding")
                "(?:bleeding|blood|oozing) (?:has |had )?stopped",
                "stopped bleeding",
                "(?:dejo|paro) de sangrar",
                "ya no (?:le |me )?(?:sangra|sale sangre)");
        addOld(
                "old(?= (?:(?:back|neck|leg|knee|hip|foot|feet|shoulder|spine|disc|sports|work|football|car|war|nerve) )?"
                        + "(?:numbness|numbnes|weakness|weaknes|tingling|injury|injuries|fracture|fractures|nerve damage)\\b)");
        add(
                Kind.RESOLVED,
                "in a (?:\\w+ )?(?:good|better) place",
                "(?:long |way |well )?behind (?:me|us|him|her)",
                "fine now",
                "back to normal",
                "went away",
                "gone now",
                "resolved",
                "all better",
                "recovered(?: \\w+)?",
                "it passed",
                // what something turned out to be; never a limb "shorter and turned out" (a broken hip)
                "turned out (?:to be|that|fine|ok|okay|well|negative|benign|nothing|it was|to)",
                "in remission",
                "never came back",
                "got help",
                // help had, and a calm now, in Spanish: "ya fui a terapia y toy bien", "ahora estoy tranquila y
                // contenta con mis nietos"
                "(?:ya )?(?:fui|voy|estuve|sigo) (?:a|en) (?:terapia|consejeria|psicolog[oa]|tratamiento)",
                // "ahora", against the past; never "ya estoy en paz", a farewell ("ya tengo suficientes pastillas
                // guardadas, ya estoy en paz")
                "ahora (?:estoy|esta|toy|ando|anda) (?:muy |bien |super )?(?:tranquil[oa]|content[oa]|feliz|mejor)",
                "toy bien",
                "better place",
                "fine after",
                "(?:they|nurse|doctor|dr|doc|surgeon|pa|np|physician|office|clinic) (?:\\w+ )?(?:said|told|warned|mentioned)",
                "warned (?:us|me) about",
                "(?:is|was|its|it is) (?:normal|expected)",
                "to expect",
                "as expected",
                "like (?:they|the nurse|the doctor) said",
                "vasovagal",
                "ya (?:paso|se le quito|se me quito|esta bien|estoy bien|esta estable|me recupere|se recupero|se compuso)",
                // a limb one feels again: "el brazo se me quedó dormido unas horas y ya lo siento bien"
                "ya (?:lo|la|los|las) (?:siento|siente|sentimos|puedo mover|puede mover) (?:bien|mejor|normal)",
                // never "bien" that says how much ("está bien desorientada", "está bien mal")
                "(?:esta|estoy|quedo) (?:muy |super |bien )?(?:bien|estable)"
                        + "(?! (?:mal[oa]?|malit[oa]|raro|rara|debil|fri[oa]|caliente|palid[oa]|\\w+(?:ad|id)[oa]s?"
                        + "|\\w+os[oa]s?|\\w+ientes?|\\w+antes?)\\b)",
                // the answer given when asked: "le dije que no, nada de eso", "I told her no"
                "(?:le|les) (?:dije|conteste|respondi) que no",
                "(?:i|and i) (?:said|told (?:her|him|them)|answered) no",
                // the answer given on a form, and thoughts denied outright: "answer's no", "le pongo que no", "no estoy
                // pensando nada de eso", "he's had no thoughts like that in decades"
                "(?:my |the )?answers? (?:is |was |s )?no",
                "(?:le |les )?(?:pongo|puse|marco|marque|contesto|conteste) (?:que )?no",
                "(?:la|mi) respuesta (?:es|era|fue) no",
                "no (?:estoy pensando|pienso|he pensado|ha pensado) (?:en )?(?:nada de )?eso",
                "no (?:tengo|tiene) (?:esos|ese tipo de) pensamientos",
                "no (?:thoughts|ideas) like (?:that|those|this)",
                "not (?:thinking|having) (?:anything like that|those thoughts|any of that|thoughts like that)",
                "todo bien",
                "se recupero",
                "me recupere",
                "(?:me|nos|le) (?:dijeron|explicaron|avisaron)",
                "(?:el doctor|la doctora|la enfermera|el medico) (?:\\w+ )?(?:dijo|dice)",
                "dijo (?:el doctor|la doctora|la enfermera)",
                // told normal ("la doctora dijo que es normal", "es normal tener moretones"); never asked whether
                // something is ("¿es normal que mi mamá hable enredado desde hace una hora?"): the visitor asks
                "(?:es|era) normal(?! que)",
                // "como me habían dicho", written by ear too ("como me avian dicho")
                "como (?:me |nos |le |les )?(?:dijeron|dijo|(?:habian|avian|abian|han|habia|avia) dicho|explicaron|avisaron)");
        add(
                Kind.FIGURATIVE,
                "(?:is|are|its|it s|keeps|been|gonna|going to|will|is going to) (?:\\w+ )?(?:kill|killing|murder|murdering) (?:me|him|her|us)",
                "(?:dying|dead) (?:to|of|from) \\w+",
                "(?:im|i m|i am) (?:literally |so )?dead",
                "could (?:just )?die(?: of \\w+)?",
                "(?:rather|sooner) die than",
                "d rather die",
                "kill for",
                "scared to death",
                "bored to death",
                "(?:almost |nearly )?(?:gave|give|giving) (?:me|him|her) a heart attack",
                "gonna have a heart attack when",
                "me esta matando",
                "me mata",
                "me va a matar",
                "(?:me|se|te) (?:quiero |va a |voy a )?(?:morir|muero|muere|muera|moria|morirme) de (?:la |el )?"
                        + "(?:verguenza|risa|pena|hambre|aburrimiento|sueno|ganas|calor|frio|susto|coraje|nervios)",
                // dying of so much of something ordinary: "me quiero morir con tanto trámite", "de tanto esperar"
                "(?:morir|morirme|muero|muera|moria) (?:con|de|por) (?:tant[oa]s? (?!dolor|sufr|pena|triste|soled|depres|pastill|medic)|esper\\w*)",
                "(?:me|le) va a dar (?:un|el) (?:infarto|ataque|patatus)(?: cuando)?",
                "casi me da (?:un|el) (?:infarto|ataque)",
                // to be the death of someone with a fright, worry or anger: "mi amá dice que la voy a matar de un
                // susto"
                "(?:matar|mata|matas|mato|matara|matando) de (?:la |el )?(?:un |una |tant[oa]s? )?(?:susto|sustos|coraje|corajes|risa|pena|verguenza|preocupacion|nervios|angustia|disgusto)",
                // a head that bursts with paperwork, never with pain: "me explota la cabeza con tantos papeles"
                "(?:explota|revienta|estalla|va a explotar|va a reventar)(?: la cabeza)? (?:con|de) tant[oa]s? (?!dolor|pena|presion)",
                "(?:exploding|explode|explodes|spinning) (?:with|from|over) (?:all )?(?:this|these|those|the|so much|so many) (?!pain|ache|pressure|headache)",
                // the sprint drill of a gym class or a team's practice: "ran suicides on the court"
                "(?:ran|run|runs|running|did|do|doing) (?:\\w+ )?suicides(?! (?:attempt|attempts|note|notes|thoughts)\\b)",
                // an ordinary ordeal that "killed me": "la fila del seguro me mató", "este tráfico me está matando"
                "(?:la|el|esta|este|esa|ese) (?:fila|cola|espera|trafico|trabajo|tramite|tramites|papeleo|viaje|calor|"
                        + "cuenta|factura|caminata|subida|escalera|examen|junta|reunion|manejada|jale|chamba|turno|dia|"
                        + "semana|clase|jefe|jefa|computadora|compu|celular)(?: \\w+){0,3} me (?:mato|mata|esta matando)",
                // drowning or choking in paperwork, bills or jargon, never in water or on food: "I'm choking on
                // all this medical jargon", "me estoy ahogando en facturas"
                "(?:drowning|choking|buried|sinking|suffocating) (?:in|on|under) (?:all )?(?:this |these |the |my |so much |so many )?"
                        + "(?:medical )?(?:bills?|paperwork|jargon|debt|forms?|emails?|statements?|envelopes?|red tape|terms|words)",
                "(?:ahogando|ahogo|ahogada|ahogado|hundiendo|hundida|hundido) (?:en|con|entre) (?:tant[oa]s |las |los |mis |puras |puros )?"
                        + "(?:facturas|cuentas|deudas|papeles|tramites|papeleo|biles|bills|formularios)",
                // a bill that bleeds one's account: "la cuenta del banco ya me está sangrando con tanto copago"
                "(?:cuenta|bolsillo|cartera|banco|billetera)(?: \\w+){0,3} (?:me )?(?:esta|estan) sangrando",
                "(?:driving|drive|drives|drove|drivin) (?:me|him|her|us) (?:off a cl\\w+|crazy|nuts|up the wall|insane|bananas)",
                "dead on (?:my|his|her|our|their) feet",
                // one's own heart that stopped, told by oneself: a fright ("se me paró el corazón", "my heart stopped
                // when I saw the bill"); never someone else's
                "se me paro el corazon",
                "my heart (?:stopped|skipped a beat|sank|dropped)",
                // an ordeal that "was murder": "the traffic on 29 was murder today"
                "(?:traffic|parking|line|wait|drive|commute|day|week|shift) (?:\\w+ ){0,3}(?:was|is|been) (?:pure |absolute |sheer )?murder",
                "jaja\\w*",
                "haha\\w*",
                "lol",
                "lmao",
                "jk",
                "xd");
    }

    /** Where any trigger may start: words where none does are not tried trigger by trigger. */
    private static final Alternation ANY_TRIGGER =
            new Alternation(TRIGGERS.stream().map(Trigger::source).toList());
    /** Each trigger's first character ({@link Alternation#first}), in the order of {@link #TRIGGERS}. */
    private static final int[] TRIGGER_FIRST = TRIGGERS.stream()
            .mapToInt(trigger -> Alternation.first(trigger.source()))
            .toArray();

    private static final Alternation PSEUDO = any(
            "can not",
            "could not",
            "will not",
            "would not",
            "does not",
            "do not",
            "did not(?! (?:hit|bump|bang|knock|lose|pass|faint|black|fall|break|crack|bleed|vomit|throw))",
            "not sure (?:if|whether)",
            "dont know (?:if|whether)",
            "idk if",
            "wondering if",
            "no idea if",
            "if (?:this|its|it is|that is|thats|that s) (?:normal|serious|an emergency|bad|urgent|important|something)",
            "if i (?:was|were|wasnt|werent|died|disappeared|was not|were not) (?:gone|here|around|dead)?",
            "if i died",
            "if i disappeared",
            "if it matters",
            "no one",
            "not (?:responding|waking|making sense|breathing|able|moving|talking|answering)",
            "no longer",
            "no (?:feeling|sensation|strength|control|reason|point|way)",
            "dont (?:feel|see the point|want)",
            "doesnt (?:respond|wake|stop|make sense)",
            "didnt (?:respond|wake)",
            "never (?:felt|had anything like|been this|this bad|wake)",
            "no (?:puede|puedo|pueden|podia|podemos|siento|siente|sienta|responde|reacciona|respira|despierta|para|quiero|quiere|"
                    + "deja|aguanto|aguanta|controlo|controla|habla|camina|sale|entra|agarra|vale|veo|sirve|lo|la|las|los|"
                    + "(?:me|le)(?! (?:ha|han|habia|habian|falta)\\b))",
            "no se (?:puede|mueve|para|detiene|quita|(?:le|me)(?! (?:ha|han|habia|habian)\\b|"
                    + " (?:durmio|durmieron|duerme|duermen|adormecio|entumio|entumecio|hincho|inflamo) nada\\b))",
            // the date of a thing, not of the visitor's past: "my EpiPen expired in June", "la cita es en marzo"
            "(?:expired|expires|expiring|exp|due|scheduled|booked|renewed|renews|appointment|appt) in "
                    + "(?:january|february|march|april|may|june|july|august|september|october|november|december)",
            "(?:vencio|vence|caduco|caduca|cita|cita es) en "
                    + "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)",
            // relief denied is no good news: "his inhaler isn't helping", "la pastilla no le hace efecto"
            "(?:isnt|is not|wasnt|was not|arent|not|nothing is|nothing) (?:helping|working|doing anything)",
            "(?:doesnt|didnt|does not|did not|wont|will not|nothing will) (?:help|work)",
            "no (?:le |me |nos |les )?(?:ayuda|ayudo|ayudan|hace efecto|hizo efecto|funciona|funciono)",
            // without feeling or noticing it, a symptom: "se me salió el popó sin sentir", "sin darme cuenta"
            "sin (?:sentir|sentirlo|sentirla|darme cuenta|darse cuenta|querer)",
            "no tiene sentido",
            "no hay manera",
            "sin parar",
            "sin sentido",
            "no estoy segur[oa]",
            "no se si",
            // "whether", not "if": "quería saber si ya puedo manejar, y también ...", "le quería preguntar si ..."
            "(?:saber|preguntar|preguntarle|preguntarles|pregunto|preguntaba) si",
            // a comparison, not a hypothesis: "un dolor como si me estuvieran desgarrando", "as if something tore"
            "como si",
            "as if",
            // a syllable of a word said aloud, not "if": "la si fo plastia"
            "(?:la|el|una|un) si",
            "all at once",
            "never (?:happened|had this|had that|felt this|been like this)(?: \\w+)? before",
            "first time",
            "nunca (?:me|le) (?:habia|ha) pasado",
            "nunca antes",
            "at once",
            "(?:hasnt|havent|hadnt|wasnt|isnt|werent) (?:been )?able",
            "no (?:ha|he|han) podido",
            "nunca (?:habia|me habia|le habia)",
            "once (?:a|the|it|they)",
            "siempre (?:me|le) (?:da|duele)");
    /**
     * A turn of events ends a trigger's scope; "now" in an age ("I'm 68 now") or before a resolution ("now he's fine",
     * "ahora está bien") is no turn of events.
     */
    private static final Alternation TERMINATOR = any(
            "but",
            "however",
            "though",
            "although",
            "(?<!\\d )now(?! (?:hes|shes|im|its|i am|he is|she is) (?:fine|ok|okay|well|better|good))",
            "right now",
            "suddenly",
            "all of a sudden",
            "and then",
            "this time",
            "this one",
            "except",
            "pero",
            "sin embargo",
            "ahora(?! (?:ya )?(?:esta|estoy|anda|ando) (?:bien|estable))",
            "ahorita",
            "de repente",
            "y ahora",
            "esta vez",
            "de pronto",
            "(?:and|y) (?:me|yo) (?:too|tambien)",
            "(?:so|and) do i",
            "como yo",
            "like me");
    /** A fresh time ends a past trigger's scope: "I had a stroke years ago and this morning my face went numb". */
    private static final Alternation FRESH_TIME = any(
            "today",
            "tonight",
            "this morning",
            "this afternoon",
            "this evening",
            "yesterday",
            "since(?! (?:\\w+ ){0,4}(?:(?:years?|yrs?|months?|decades?) ago|(?:19|20)\\d\\d\\b))",
            "(?:minutes|hours|days) ago",
            "hoy",
            "anoche",
            "esta (?:manana|tarde|noche)",
            "ayer",
            "desde(?! (?:\\w+ ){0,4}(?:hace (?:\\w+ ){0,3}(?:anos|meses|decadas)|(?:19|20)\\d\\d\\b))",
            "hace (?:\\w+ )?(?:minutos|horas|dias|rato)");
    /** A recent time is never the past of a past trigger. */
    private static final Alternation RECENT =
            any("(?:\\w+ ){0,2}(?:minutes?|hours?|days?) ago", "hace (?:\\w+ ){0,3}(?:minutos?|horas?|dias?|rato)");

    /** For each word, the position of the first word of the forward trigger whose scope holds it (-1: none). */
    private final int[] before;
    /** For each word, the position of the last word of the backward trigger whose scope holds it (-1: none). */
    private final int[] after;
    /** As {@link #before} and {@link #after}, of every trigger but the past and a reported question: the frames a threat of self-harm heeds alone. */
    private final int[] beforeFirm;

    private final int[] afterFirm;
    private final int[] sentenceOf;
    /** For each word, the position of the first word of the hypothesis whose scope holds it (-1: none). */
    private final int[] hypothesis;
    /** Words of a figure of speech ("is killing me", "me muero de la vergüenza"): never part of an emergency. */
    private final boolean[] figure;
    /** Whether a colour of the face is among the words ({@link #markTheFacesColour}). */
    private boolean facesColour;
    /** The words of what is over, which may name what was ("the bleeding stopped", "ya pasó"). */
    private final boolean[] overWords;
    /** Whether the text holds a trigger other than a denial. */
    private boolean framed;
    /** Whether the text holds a denial. */
    private boolean denied;

    private boolean hypothetical;
    /** Whether the text holds a trigger other than a denial or a hypothesis. */
    private boolean framedOtherwise;
    /** Whether the text says something is over or fine ("I'm doing fine", "estoy bien"): a resolution. */
    private boolean reassured;

    private Context(int size) {
        before = new int[size];
        after = new int[size];
        beforeFirm = new int[size];
        afterFirm = new int[size];
        Arrays.fill(beforeFirm, -1);
        Arrays.fill(afterFirm, -1);
        sentenceOf = new int[size];
        figure = new boolean[size];
        overWords = new boolean[size];
        hypothesis = new int[size];
        Arrays.fill(hypothesis, -1);
        Arrays.fill(before, -1);
        Arrays.fill(after, -1);
    }

    /**
     * The contexts read while one message is decided, by text: the patterns, the classifier and the similarity layer
     * ask for the same texts' contexts (the message, its sentences, its segments) several times. Kept only for the
     * decision ({@link #readingOnce}): nothing a visitor wrote stays behind in a thread.
     */
    private static final ThreadLocal<Map<String, Context>> READINGS = new ThreadLocal<>();

    /** Does the work with each text's context read once, however often it is asked for. */
    static <T> T readingOnce(java.util.function.Supplier<T> work) {
        if (READINGS.get() != null) {
            return work.get();
        }
        READINGS.set(new java.util.HashMap<>());
        try {
            return work.get();
        } finally {
            READINGS.remove();
        }
    }

    /** The context of the message's words, which are those of {@link Words#of} in the same order. */
    static Context of(String message) {
        String text = message == null ? "" : message;
        Map<String, Context> readings = READINGS.get();
        if (readings == null) {
            return readAll(text);
        }
        Context context = readings.get(text);
        if (context == null) {
            context = readAll(text);
            readings.put(text, context);
        }
        return context;
    }

    private static Context readAll(String message) {
        List<List<String>> sentences = new ArrayList<>();
        List<boolean[]> clauseStarts = new ArrayList<>();
        for (String sentence : SENTENCE.split(message == null ? "" : message)) {
            List<String> words = new ArrayList<>();
            List<Boolean> starts = new ArrayList<>();
            for (String clause : sentence.split(",")) {
                List<String> clauseWords = Words.of(clause);
                for (int i = 0; i < clauseWords.size(); i++) {
                    words.add(clauseWords.get(i));
                    starts.add(i == 0);
                }
            }
            if (!words.isEmpty()) {
                sentences.add(words);
                boolean[] clauseStart = new boolean[words.size()];
                for (int i = 0; i < clauseStart.length; i++) {
                    clauseStart[i] = starts.get(i);
                }
                clauseStarts.add(clauseStart);
            }
        }
        int size = sentences.stream().mapToInt(List::size).sum();
        Context context = new Context(size);
        int offset = 0;
        for (int s = 0; s < sentences.size(); s++) {
            context.read(sentences.get(s), clauseStarts.get(s), offset, s);
            offset += sentences.get(s).size();
        }
        return context;
    }

    /**
     * The spans [start, end) in words of the regex's matches, as {@link Matcher#find()} finds them; but tried only
     * where a word starts, the only places a trigger can start (the text is words and single spaces): about
     * 150 triggers run on every sentence of every message.
     */
    private static List<int[]> spans(Pattern regex, int first, String text, int[] wordAt, int[] wordStarts) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = regex.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int start : wordStarts) {
            if (start < from || first >= 0 && text.charAt(start) != first) {
                continue;
            }
            m.region(start, text.length());
            if (m.lookingAt() && m.end() > m.start()) {
                spans.add(new int[] {wordAt[m.start()], wordAt[m.end() - 1] + 1});
                from = m.end();
            }
        }
        return spans;
    }

    /** {@link #spans(Pattern, int, String, int[], int[])} of a union of frames. */
    private static List<int[]> spans(Alternation alternation, String text, int[] wordAt, int[] wordStarts) {
        List<int[]> spans = new ArrayList<>();
        Alternation.Scan scan = alternation.over(text);
        int from = 0;
        for (int start : wordStarts) {
            if (start < from) {
                continue;
            }
            int end = scan.endAt(start);
            if (end > start) {
                spans.add(new int[] {wordAt[start], wordAt[end - 1] + 1});
                from = end;
            }
        }
        return spans;
    }

    /** The word starts where some trigger matches: no trigger's match starts anywhere else. */
    private static int[] candidates(String text, int[] wordStarts) {
        Alternation.Scan scan = ANY_TRIGGER.over(text);
        int[] candidates = new int[wordStarts.length];
        int count = 0;
        for (int start : wordStarts) {
            if (scan.endAt(start) >= 0) {
                candidates[count++] = start;
            }
        }
        return Arrays.copyOf(candidates, count);
    }

    private void read(List<String> words, boolean[] clauseStart, int offset, int sentence) {
        int n = words.size();
        Arrays.fill(sentenceOf, offset, offset + n, sentence);
        String text = String.join(" ", words);
        int[] wordAt = new int[text.length()];
        int[] wordStarts = new int[n];
        for (int i = 0, c = 0; i < n; i++) {
            wordStarts[i] = c;
            for (int k = 0; k < words.get(i).length() + 1 && c < text.length(); k++) {
                wordAt[c++] = i;
            }
        }
        boolean[] pseudo = mark(spans(PSEUDO, text, wordAt, wordStarts), n);
        boolean[] terminator = mark(spans(TERMINATOR, text, wordAt, wordStarts), n);
        boolean[] fresh = mark(spans(FRESH_TIME, text, wordAt, wordStarts), n);
        boolean[] recent = mark(spans(RECENT, text, wordAt, wordStarts), n);
        markTheFacesColour(words, offset);
        int[] candidates = candidates(text, wordStarts);
        for (int t = 0; t < (candidates.length == 0 ? 0 : TRIGGERS.size()); t++) {
            Trigger trigger = TRIGGERS.get(t);
            for (int[] span : spans(trigger.regex(), TRIGGER_FIRST[t], text, wordAt, candidates)) {
                int at = span[0];
                int end = span[1];
                if (pseudo[at]
                        || trigger.kind() == Kind.PAST && recent[at]
                        || trigger.when() != null && !trigger.when().test(words, at)) {
                    continue;
                }
                if (trigger.kind() == Kind.RESOLVED) {
                    Arrays.fill(overWords, offset + at, offset + Math.min(n, end), true);
                }
                framed |= trigger.kind() != Kind.NEGATION;
                hypothetical |= trigger.kind() == Kind.HYPOTHETICAL;
                framedOtherwise |= trigger.kind() != Kind.NEGATION && trigger.kind() != Kind.HYPOTHETICAL;
                denied |= trigger.kind() == Kind.NEGATION;
                reassured |= trigger.kind() == Kind.RESOLVED;
                boolean firm = trigger.kind() == Kind.NEGATION
                        || trigger.kind() == Kind.GENERAL
                        || trigger.kind() == Kind.RESOLVED;
                if (trigger.kind() == Kind.FIGURATIVE) {
                    Arrays.fill(figure, offset + at, offset + Math.min(n, end), true);
                    continue;
                }
                boolean byClause = trigger.kind() == Kind.HYPOTHETICAL
                        || trigger.kind() == Kind.GENERAL
                        || trigger.kind() == Kind.REPORTED;
                int limit = switch (trigger.kind()) {
                    case NEGATION -> negationLimit(words, end, n);
                    // a time that opens the sentence sets it all in the past: "Two years ago, after my fracture, I ..."
                    case PAST -> at <= 1 ? n : Math.min(n, end + NEAR_SCOPE);
                    case RESOLVED -> Math.min(n, end + NEAR_SCOPE);
                    default -> n;
                };
                for (int i = end;
                        i < limit
                                && !terminator[i]
                                && !(byClause && clauseStart[i] && SUBJECTS.contains(words.get(i)))
                                && !(trigger.kind() == Kind.PAST && fresh[i]);
                        i++) {
                    int[] scope = trigger.kind() == Kind.HYPOTHETICAL ? hypothesis : before;
                    if (scope[offset + i] < 0 || scope[offset + i] > offset + at) {
                        scope[offset + i] = offset + at;
                    }
                    if (firm && (beforeFirm[offset + i] < 0 || beforeFirm[offset + i] > offset + at)) {
                        beforeFirm[offset + i] = offset + at;
                    }
                }
                if (trigger.kind() != Kind.NEGATION && trigger.kind() != Kind.HYPOTHETICAL) {
                    int first = Math.max(0, at - NEAR_SCOPE);
                    for (int i = at - 1;
                            i >= first && !terminator[i] && !(trigger.kind() == Kind.PAST && fresh[i]);
                            i--) {
                        after[offset + i] = Math.max(after[offset + i], offset + end - 1);
                        if (firm) {
                            afterFirm[offset + i] = Math.max(afterFirm[offset + i], offset + end - 1);
                        }
                        if (byClause && clauseStart[i] && SUBJECTS.contains(words.get(i))) {
                            break;
                        }
                    }
                }
            }
        }
    }

    /** The face, whose colour is no wound's sign. */
    private static final java.util.Set<String> FACE =
            java.util.Set.of("face", "faces", "cheeks", "cara", "mejillas", "cachetes");

    /** A colour or warmth that the face may have (a steroid's flush). */
    private static final java.util.Set<String> FLUSH = java.util.Set.of(
            "red",
            "reddish",
            "pink",
            "hot",
            "warm",
            "flushed",
            "roja",
            "rojo",
            "rojas",
            "colorada",
            "colorado",
            "coloradas",
            "caliente",
            "calientita",
            "calientito",
            "calientes");

    /**
     * A colour or warmth said of the face ("her face is all red and flushed after her steroid shot", "tengo la cara
     * caliente y colorada desde la inyección"), up to four words after it, is the face's, never a wound's: no rule may
     * pair it with the injection the message names. The words stay in the present, and the face keeps its own signs
     * ("her face is swelling", "se le hincha la cara").
     */
    private void markTheFacesColour(List<String> words, int offset) {
        for (int i = 0; i < words.size(); i++) {
            if (!FLUSH.contains(words.get(i))) {
                continue;
            }
            for (int back = 1; back <= 4 && back <= i; back++) {
                if (FACE.contains(words.get(i - back))) {
                    figure[offset + i] = true;
                    facesColour = true;
                    break;
                }
            }
        }
    }

    /** Words that join the items of a denied list: "no confusion, fainting, or slurred speech", "ni mareos ni desmayos". */
    private static final java.util.Set<String> LIST_JOINS = java.util.Set.of("or", "nor", "ni", "o");

    /**
     * Where a denial's scope ends: six words on, or further for a list it denies, to two words past the list's last
     * joining word ("he has not had any episodes of confusion, fainting, or slurred speech").
     */
    private static int negationLimit(List<String> words, int end, int n) {
        int limit = Math.min(n, end + NEGATION_SCOPE);
        for (int i = end; i < Math.min(n, limit + 2); i++) {
            if (LIST_JOINS.contains(words.get(i))) {
                limit = Math.max(limit, Math.min(n, i + 3));
            }
        }
        return limit;
    }

    private static boolean[] mark(List<int[]> spans, int n) {
        boolean[] marked = new boolean[n];
        for (int[] span : spans) {
            Arrays.fill(marked, span[0], Math.min(n, span[1]), true);
        }
        return marked;
    }

    /** Whether the words [start, end) are out of the present: in scope of a trigger outside them. */
    boolean outOfPresent(int start, int end) {
        return outOfPresent(start, end, false);
    }

    /**
     * @param evenIfHypothetical whether words in a hypothesis still count: "I'll kill myself if the surgery fails" is a
     *     threat, not a hypothesis. Such words (a threat of self-harm) are set in the past or in a reported question
     *     only where the message also says it is over or fine: "I tried to kill myself in my twenties, I'm 68
     *     now and doing fine", "¿por qué pregunta si he pensado en el suicidio? Yo estoy bien"; never "they asked if I
     *     had thoughts of killing myself and I said yes", "cuando tenía 19 intenté quitarme la vida y ahora lo estoy
     *     pensando otra vez". A denial of them ("I'm not suicidal") counts as ever.
     */
    boolean outOfPresent(int start, int end, boolean evenIfHypothetical) {
        int[] before = evenIfHypothetical && !reassured ? beforeFirm : this.before;
        int[] after = evenIfHypothetical && !reassured ? afterFirm : this.after;
        for (int j = start; j < end && j < before.length; j++) {
            if (figure[j]
                    || before[j] >= 0 && before[j] < start
                    || after[j] >= end
                    || !evenIfHypothetical && hypothesis[j] >= 0 && hypothesis[j] < start) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of the message that are in the present, sentence by sentence ("took a fall in the garden, didnt hit my
     * head, no new pain" → "took a fall in the garden didnt no"): what is left once denials, hypotheses, general
     * questions, the past and what is over (with the words that say it is over: "the bleeding stopped") are set aside,
     * as the patterns set them aside.
     *
     * @param words the message's words ({@link Words#of}), of which this is the context
     * @param evenIfHypothetical as in {@link #outOfPresent(int, int, boolean)}: for a reading of suicidal thinking
     */
    String inPresent(List<String> words, boolean evenIfHypothetical) {
        StringBuilder kept = new StringBuilder();
        int sentence = -1;
        for (int i = 0; i < words.size() && i < size(); i++) {
            if (overWords[i] || outOfPresent(i, i + 1, evenIfHypothetical)) {
                continue;
            }
            if (sentence >= 0 && sentenceOf[i] != sentence) {
                kept.append('.');
            }
            if (!kept.isEmpty()) {
                kept.append(' ');
            }
            kept.append(words.get(i));
            sentence = sentenceOf[i];
        }
        return kept.toString();
    }

    /** The sentence the word is in (0 for the first). */
    int sentenceOf(int word) {
        return sentenceOf[word];
    }

    /** Whether the text says the face's colour ({@link #markTheFacesColour}), which the second reading leaves out. */
    boolean facesColour() {
        return facesColour;
    }

    /** Whether the text holds a hypothetical, general, past, resolved or figurative trigger (not only a denial). */
    boolean framed() {
        return framed;
    }

    /** Whether the text holds a trigger, other than a hypothesis. */
    boolean anyTriggerButHypothesis() {
        return framedOtherwise || denied;
    }

    /** Whether the text holds any trigger, a denial too. */
    boolean anyTrigger() {
        return framed || denied;
    }

    int size() {
        return before.length;
    }
}
