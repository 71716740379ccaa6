package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which alarming words the emergency patterns may count: only those about someone now. */
class ContextTests {

    /** Whether the phrase, as words, stands in the message outside any denial, hypothesis, general question or past. */
    private static boolean inPresent(String message, String phrase) {
        return inPresent(message, phrase, false);
    }

    /** As {@link #inPresent(String, String)}, for the words of a rule that counts even in a hypothesis (a threat of self-harm). */
    private static boolean inPresentAsThreat(String message, String phrase) {
        return inPresent(message, phrase, true);
    }

    private static boolean inPresent(String message, String phrase, boolean evenIfHypothetical) {
        List<String> words = Words.of(message);
        List<String> wanted = Words.of(phrase);
        Context context = Context.of(message);
        for (int at = 0; at + wanted.size() <= words.size(); at++) {
            if (words.subList(at, at + wanted.size()).equals(wanted)
                    && !context.outOfPresent(at, at + wanted.size(), evenIfHypothetical)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void takesSymptomsHappeningNowAsTheyAre() {
        assertThat(inPresent("my legs went numb this morning", "numb")).isTrue();
        assertThat(inPresent("he is not breathing", "not breathing")).isTrue();
        assertThat(inPresent("i can not move my legs", "legs")).isTrue();
        assertThat(inPresent("no puede respirar", "no puede respirar")).isTrue();
    }

    @Test
    void setsDeniedSymptomsAside() {
        assertThat(inPresent("no fever, no numbness, just sore", "fever")).isFalse();
        assertThat(inPresent("wife isnt short of breath or anything", "short of breath"))
                .isFalse();
        assertThat(inPresent("no tengo fiebre ni nada raro", "fiebre")).isFalse();
    }

    @Test
    void setsHypothesesAsideToTheEndOfTheirClauseOnly() {
        assertThat(inPresent("what should i do if i get a fever after the procedure", "fever"))
                .isFalse();
        assertThat(inPresent("si me da fiebre despues, a quien llamo", "fiebre"))
                .isFalse();
        assertThat(inPresent("sorry if this is weird, my eyelid started drooping", "drooping"))
                .isTrue();
        assertThat(inPresent("not sure if it matters but my legs gave out", "legs"))
                .isTrue();
    }

    @Test
    void setsThePastAndTheOverAsideButNotWhatIsNewNow() {
        assertThat(inPresent("i had a stroke in 2019, can i still have it", "stroke"))
                .isFalse();
        assertThat(inPresent("mi papa tuvo un derrame hace dos anos", "derrame"))
                .isFalse();
        assertThat(inPresent("he passed out after the block, the nurse said it was vasovagal", "passed out"))
                .isFalse();
        assertThat(inPresent("i had a stroke years ago but now my face is drooping", "drooping"))
                .isTrue();
        assertThat(inPresent("i fell two days ago and now i cant feel my legs", "cant feel"))
                .isTrue();
    }

    @Test
    void takesWordsThatOnlyLookLikeAFrameAsTheyAre() {
        // an onset minutes or an hour ago is new, whatever words stand between "hace" and the time
        assertThat(inPresent("mi tio esta convulsionando desde hace como 6 minutos y no se le quita", "convulsionando"))
                .isTrue();
        assertThat(inPresent("no puede mover la pierna izquierda desde hace como una hora", "no puede mover"))
                .isTrue();
        assertThat(inPresent("me duele la espalda desde hace anos", "duele")).isFalse();
        // "bien" that says how much is no resolution
        assertThat(inPresent("se cayo y se pego en la cabeza, esta bien desorientada", "desorientada"))
                .isTrue();
        assertThat(inPresent("se cayo en la cocina y ya esta bien", "se cayo")).isFalse();
        // a leg "turned out" is a sign, not an outcome
        assertThat(inPresent("mr w fell, his right leg is shorter and turned out, cant move it", "cant move"))
                .isTrue();
        assertThat(inPresent("the lump on my back turned out to be nothing", "lump"))
                .isFalse();
    }

    @Test
    void setsAsideWhatOthersAskAndWhatHappensToPeopleInGeneral() {
        assertThat(inPresent("la enfermera me pregunto si tengo fiebre", "fiebre"))
                .isFalse();
        assertThat(inPresent("the nurse asked if i had any numbness", "numbness"))
                .isFalse();
        assertThat(inPresent("el 988 es para gente que se quiere suicidar", "se quiere suicidar"))
                .isFalse();
        assertThat(inPresent("mucha gente piensa en el suicidio con el dolor cronico", "suicidio"))
                .isFalse();
        // one's own wondering is no one else's question
        assertThat(inPresentAsThreat("me pregunto si vale la pena vivir asi", "vale la pena vivir"))
                .isTrue();
        assertThat(inPresent("a mucha gente le pasa pero yo me quiero matar", "me quiero matar"))
                .isTrue();
    }

    @Test
    void setsAThreatOfSelfHarmInThePastOrAskedAboutAsideOnlyWhereTheMessageSaysItIsOver() {
        assertThat(inPresentAsThreat("i tried to kill myself in my twenties, im 68 now and doing fine", "kill myself"))
                .isFalse();
        assertThat(inPresentAsThreat("por que pregunta si he pensado en el suicidio? yo estoy bien", "suicidio"))
                .isFalse();
        assertThat(inPresentAsThreat(
                        "la enfermera me pregunto si pienso en quitarme la vida y le dije que no", "quitarme la vida"))
                .isFalse();
        assertThat(inPresentAsThreat("years ago i attempted suicide, im in a good place now", "suicide"))
                .isFalse();
        // how one is now, in other words: doing much better, feeling better ("me siento bien", "estoy mejor")
        assertThat(inPresentAsThreat(
                        "two years ago i was hospitalized for suicidal thoughts. im doing much better now", "suicidal"))
                .isFalse();
        assertThat(inPresentAsThreat(
                        "hace 3 anos intente quitarme la vida, desde entonces estoy en tratamiento y me siento bien",
                        "quitarme la vida"))
                .isFalse();
        assertThat(inPresentAsThreat(
                        "hace anos pense en quitarme la vida pero ahora estoy mucho mejor", "quitarme la vida"))
                .isFalse();
        // but never a resolution of something else, or one that turns: "me siento bien mal", "better but ... again"
        assertThat(inPresentAsThreat(
                        "hace anos intente quitarme la vida y me siento bien mal, lo estoy pensando otra vez",
                        "quitarme la vida"))
                .isTrue();
        // a resolution denied is none: "no está mejor", "not doing much better"
        assertThat(inPresent("mi mama tiene dolor de pecho y le falta el aire, no esta mejor", "dolor de pecho"))
                .isTrue();
        assertThat(inPresent("le falta el aire y no se siente mejor", "le falta el aire"))
                .isTrue();
        assertThat(inPresent("his chest hurts and he cant breathe, hes not doing much better", "cant breathe"))
                .isTrue();
        // without that, the past or someone's question may be where the visitor is now
        assertThat(inPresentAsThreat("they asked if i had thoughts of killing myself and i said yes", "killing myself"))
                .isTrue();
        assertThat(inPresentAsThreat(
                        "cuando tenia 19 intente quitarme la vida y ahora lo estoy pensando otra vez",
                        "quitarme la vida"))
                .isTrue();
        assertThat(inPresentAsThreat("the form asks if i have thoughts of suicide, i do every day", "suicide"))
                .isTrue();
        // what someone else might say, asked about ahead, is their words: "what if" of one's own is still a threat
        assertThat(inPresentAsThreat(
                        "if one of my buddies ever talked about ending it, what's the number we call?", "ending it"))
                .isFalse();
        assertThat(inPresentAsThreat(
                        "si alguien de mi familia dijera que se quiere morir, el 988 contesta en espanol?",
                        "se quiere morir"))
                .isFalse();
        assertThat(inPresentAsThreat("if the surgery fails i will kill myself", "kill myself"))
                .isTrue();
        assertThat(inPresentAsThreat("my friend said she wants to end her life", "end her life"))
                .isTrue();
        // a denial and a question about people in general count as ever
        assertThat(inPresentAsThreat("im not suicidal, just tired", "suicidal")).isFalse();
        assertThat(inPresentAsThreat("what are the signs of an overdose on pain pills", "overdose"))
                .isFalse();
    }

    @Test
    void readsAnAgeOrAResolutionAfterNowAsNoTurnOfEvents() {
        assertThat(inPresent("i tried to take my life in my twenties, im 68 now and doing fine", "take my life"))
                .isFalse();
        assertThat(inPresent("mi papa tuvo una convulsion hace mucho, como 15 anos, ahora esta bien", "convulsion"))
                .isFalse();
        assertThat(inPresent(
                        "tengo el brazo debil desde un accidente hace como 10 anos, nunca ha cambiado", "brazo debil"))
                .isFalse();
        assertThat(inPresent("i had a stroke years ago and now his face is drooping again", "drooping"))
                .isTrue();
        assertThat(inPresent("mi papa tuvo una convulsion hace mucho rato y no despierta", "no despierta"))
                .isTrue();
        assertThat(inPresent("my son in his twenties took all my pills an hour ago", "took all my pills"))
                .isTrue();
    }

    @Test
    void readsDyingOfSomethingOrdinaryAsAFigureButNeverOfPain() {
        assertThat(inPresent("me quiero morir con tanto tramite jaja", "me quiero morir"))
                .isFalse();
        assertThat(inPresent("ya me quiero morir de tanto esperar la cita", "me quiero morir"))
                .isFalse();
        assertThat(inPresent("me quiero morir con tanto dolor", "me quiero morir"))
                .isTrue();
    }

    @Test
    void setsAPeriodOfLifeToldInThePastAsideButNeverAnAgeStatedNow() {
        assertThat(inPresent("in my 20s i attempted suicide and got help", "suicide"))
                .isFalse();
        assertThat(inPresent("when i was a teenager i cut myself", "cut myself"))
                .isFalse();
        assertThat(inPresent("cuando era joven intente suicidarme", "suicidarme"))
                .isFalse();
        // an age is the present: older visitors say it before what is happening now
        assertThat(inPresent("im in my 70s and i want to end my life", "end my life"))
                .isTrue();
        assertThat(inPresent("in my 20s i want to kill myself", "kill myself")).isTrue();
        assertThat(inPresent("cuando era joven me quise matar y ahora quiero matarme", "quiero matarme"))
                .isTrue();
    }

    @Test
    void readsSpanishDenialsWithAPronounButNotSymptomsWithOne() {
        assertThat(inPresent("no me falta el aire ni me duele el pecho, solo pregunto", "falta el aire"))
                .isFalse();
        assertThat(inPresent("no se me han dormido las piernas ni nada", "dormido las piernas"))
                .isFalse();
        assertThat(inPresent("no le ha dado fiebre desde la inyeccion", "fiebre"))
                .isFalse();
        assertThat(inPresent("no me puedo mover las piernas", "piernas")).isTrue();
        assertThat(inPresent("no se me quita el dolor de pecho y me falta el aire", "me falta el aire"))
                .isTrue();
    }

    @Test
    void takesSinceLongAgoForThePastAndSinceLastNightForNow() {
        assertThat(inPresent("old numbness in my feet, does it matter for the injection?", "numbness"))
                .isFalse();
        assertThat(inPresent("i have an old back injury and some leg weakness from it", "leg weakness"))
                .isFalse();
        // never an age
        assertThat(inPresent("my 84 year old mother has sudden weakness in both legs", "weakness in both legs"))
                .isTrue();
        assertThat(inPresent("old injury but since this morning my legs are numb", "legs are numb"))
                .isTrue();
        assertThat(inPresent("my old man is numb on one side and cant talk right", "numb on one side"))
                .isTrue();
        assertThat(inPresent("i cant move my legs, its not an old injury, this is new", "cant move my legs"))
                .isTrue();
        assertThat(inPresent("ive had numbness in my right foot since my disc surgery in 2011", "numbness"))
                .isFalse();
        assertThat(inPresent("tengo los pies dormidos desde el 2015 por la diabetes", "pies dormidos"))
                .isFalse();

        assertThat(inPresent("tengo el pie medio dormido desde la cirugia de hace 8 anos", "dormido"))
                .isFalse();
        assertThat(inPresent("my left foot has been numb since my surgery 10 years ago", "numb"))
                .isFalse();
        assertThat(inPresent("tengo anos con hormigueo en los pies por el azucar", "hormigueo"))
                .isFalse();
        assertThat(inPresent("llevo meses con la pierna debil, asi se quedo", "pierna debil"))
                .isFalse();
        assertThat(inPresent("tengo la pierna dormida desde anoche", "pierna dormida"))
                .isTrue();
        assertThat(inPresent("i had a stroke years ago and since this morning my arm is numb", "numb"))
                .isTrue();
    }

    @Test
    void setsGeneralQuestionsAndFiguresOfSpeechAside() {
        assertThat(inPresent("what are the warning signs of a stroke", "stroke"))
                .isFalse();
        assertThat(inPresent("can kyphoplasty cause paralysis", "paralysis")).isFalse();
        // any procedure, by the shape of its name, not a list of this practice's articles
        assertThat(inPresent("can vertebroplasty cause paralysis", "paralysis")).isFalse();
        assertThat(inPresent("could rhizotomy lead to numbness in my legs", "numbness"))
                .isFalse();
        assertThat(inPresent("will the implant cause weakness", "weakness")).isFalse();
        assertThat(inPresent("me quiero morir de la verguenza", "me quiero morir"))
                .isFalse();
        assertThat(inPresent("this pain is killing me", "killing me")).isFalse();
        assertThat(inPresent("i want to die", "want to die")).isTrue();
    }

    @Test
    void takesAnInjuryDeniedForNoInjuryButNeverAWakingOrABleedingThatDidNotStop() {
        assertThat(inPresent("fell in the yard, didn't hit my head, no new pain", "hit my head"))
                .isFalse();
        assertThat(inPresent("took a tumble, did not hit my head", "hit my head"))
                .isFalse();
        assertThat(inPresent("she didnt pass out, just sat down hard", "pass out"))
                .isFalse();
        assertThat(inPresent("he fell and hit my head", "hit my head")).isTrue();
        assertThat(inPresent("he did not wake up after the fall", "wake up")).isTrue();
        assertThat(inPresent("it did not stop bleeding all night", "bleeding")).isTrue();
        assertThat(inPresent("no se le durmio nada, mueve las piernas bien", "durmio"))
                .isFalse();
        assertThat(inPresent("no se le para la sangre", "para la sangre")).isTrue();
        assertThat(inPresent("no se le mueve nada del lado derecho", "mueve")).isTrue();
    }

    @Test
    void takesWhatAThingIsOrLooksLikeForAGeneralQuestion() {
        assertThat(inPresent("what is a thunderclap headache", "thunderclap headache"))
                .isFalse();
        assertThat(inPresent("como se ve una reaccion alergica grave?", "reaccion alergica"))
                .isFalse();
        assertThat(inPresent("que es el sindrome de cauda equina", "cauda equina"))
                .isFalse();
        assertThat(inPresent("what is happening to me, my face is drooping", "face is drooping"))
                .isTrue();
        assertThat(inPresent("what is a thunderclap headache? I think I'm having one right now", "having one"))
                .isTrue();
    }

    @Test
    void framesReachNoFurtherThanTheyMean() {
        // how one was before it began is no resolution
        assertThat(inPresent("my left hand went weak and clumsy an hour ago, yesterday it was fine", "weak"))
                .isTrue();
        assertThat(inPresent("she was fine 10 minutes ago and now she cant find her words", "cant find her words"))
                .isTrue();
        assertThat(inPresent("I had a bad reaction to the contrast in 2010 but was fine after", "bad reaction"))
                .isFalse();
        // what several things are now: "the lips are fine", never how they were before it began
        assertThat(inPresent("the throat's not swelling, the lips are fine", "lips"))
                .isFalse();
        assertThat(inPresent("his legs were fine this morning and now he cant move them", "cant move"))
                .isTrue();
        assertThat(inPresent("my legs are fine but my face is drooping", "face is drooping"))
                .isTrue();
        // "whether", a comparison and a syllable are no hypothesis
        assertThat(inPresent("queria saber si ya puedo manejar y tambien tengo calentura de 39", "calentura"))
                .isTrue();
        assertThat(inPresent("me dio un dolor como si me estuvieran desgarrando el pecho", "desgarrando"))
                .isTrue();
        assertThat(inPresent("a mi mama le hicieron la si fo plastia y hoy no puede mover las piernas", "piernas"))
                .isTrue();
        assertThat(inPresent("si le da calentura que hacemos", "calentura")).isFalse();
        // "qué es ..." asked, never said
        assertThat(inPresent("dice que es el peor dolor de cabeza de su vida", "peor dolor de cabeza"))
                .isTrue();
        assertThat(inPresent("para que es el 988, para gente que se quiere matar?", "988"))
                .isFalse();
    }

    @Test
    void whatIsLeftInThePresentHasNeitherTheFramedWordsNorTheFramesOwn() {
        String stopped =
                "bleeding stopped right away after removing the bandage, tiny pinpoint. ok to leave open to air?";
        assertThat(Context.of(stopped).inPresent(Words.of(stopped), false)).isEqualTo("ok to leave open to air");
        String notStopped = "the bleeding hasn't stopped since this morning and the bandage is soaked";
        assertThat(Context.of(notStopped).inPresent(Words.of(notStopped), false))
                .contains("bleeding", "soaked");
        String inTheEvent = "in the event he becomes unresponsive at home, what should my mother do first?";
        assertThat(Context.of(inTheEvent).inPresent(Words.of(inTheEvent), false))
                .doesNotContain("unresponsive");
        // a threat of self-harm heeds no hypothesis
        String threat = "if the surgery fails I will kill myself";
        assertThat(Context.of(threat).inPresent(Words.of(threat), true)).contains("kill myself");
    }

    @Test
    void takesHowToKeepOrGetRidOfMedicinesForAQuestionButNeverHidesAThreatWithIt() {
        assertThat(inPresent("where can I throw away leftover pain pills? I have grandkids visiting", "pain pills"))
                .isFalse();
        assertThat(inPresent("donde puedo tirar las pastillas de tramadol que me sobraron", "pastillas"))
                .isFalse();
        assertThat(inPresentAsThreat("how do I get rid of these pills before I take them all", "take them all"))
                .isTrue();
        assertThat(inPresent("my grandson swallowed some of my pills, how do we store them now", "swallowed"))
                .isTrue();
    }

    @Test
    void readsTheSpanishOfLastMonthAsTheEnglish() {
        assertThat(inPresent("last month I had a bad headache after the epidural", "bad headache"))
                .isFalse();
        assertThat(inPresent(
                        "el mes pasado me dio un dolor de cabeza muy fuerte despues de la epidural", "dolor de cabeza"))
                .isFalse();
        assertThat(inPresent("hace un mes se me durmio la pierna despues de la inyeccion", "durmio la pierna"))
                .isFalse();
        assertThat(inPresent("hace una hora se me durmio la pierna", "durmio la pierna"))
                .isTrue();
    }

    @Test
    void readsLongAgoToldInThePastAsThePastButNeverWhatGoesOnSinceLongAgo() {
        assertThat(inPresent("hace mucho no podía orinar por la próstata, ya me operaron", "no podia orinar"))
                .isFalse();
        assertThat(inPresent("hace mucho me operaron de la espalda y se me durmió la pierna", "durmio la pierna"))
                .isFalse();
        // a long while that goes on is now: "hace mucho rato que no puede orinar"
        assertThat(inPresent("hace mucho rato que no puede orinar y le duele la espalda", "no puede orinar"))
                .isTrue();
        assertThat(inPresent("hace mucho que no responde, está tirado en el piso", "no responde"))
                .isTrue();
    }

    @Test
    void readsWhatHappensToOneAsAGeneralQuestionButNeverOneOfSomething() {
        assertThat(inPresent("¿cuánta sangre pierde uno en la cifoplastia, es mucha?", "es mucha"))
                .isFalse();
        assertThat(inPresent("¿se le duerme a uno la pierna después del bloqueo?", "la pierna"))
                .isFalse();
        assertThat(inPresent("me tomé uno de más y no puedo respirar", "no puedo respirar"))
                .isTrue();
        assertThat(inPresent("le sale mucha sangre de la herida y no para", "sangre"))
                .isTrue();
    }

    @Test
    void aMessagesContextIsReadOnceWhileItIsDecidedAndNotKeptAfter() {
        String message = "my husband can't move his left arm since this morning";
        Context[] during = new Context[2];
        Context.readingOnce(() -> {
            during[0] = Context.of(message);
            during[1] = Context.of(message);
            return null;
        });

        assertThat(during[1]).as("read once during a decision").isSameAs(during[0]);
        assertThat(Context.of(message)).as("nothing kept once it is decided").isNotSameAs(during[0]);
    }

    @Test
    void reliefDeniedOrASymptomNotNoticedIsNoGoodNews() {
        // "isn't helping" denies relief, not the symptom after it
        assertThat(inPresent("his inhaler isn't helping, he can barely talk between breaths", "barely talk"))
                .isTrue();
        assertThat(inPresent("la pastilla no le hace efecto y no puede respirar bien", "respirar"))
                .isTrue();
        // "sin sentir" is the symptom: without feeling it
        assertThat(inPresent("se me salió la orina sin sentir y tengo dormido entre las piernas", "dormido"))
                .isTrue();
        // a denial is still a denial
        assertThat(inPresent("no fever and no trouble breathing", "trouble breathing"))
                .isFalse();
    }

    @Test
    void aHabitIsPastButAWorseningEveryDayIsNot() {
        assertThat(inPresent("I take a pill every day for my back", "back")).isFalse();
        assertThat(inPresent("the back pain is worse every day since the injection", "back pain"))
                .isTrue();
        assertThat(inPresent("el dolor de espalda va de mal en peor cada dia mas", "dolor de espalda"))
                .isTrue();
    }

    @Test
    void whatTheDoctorSaidIsNormalIsSetAsideButAskingWhetherSomethingIsNormalIsNot() {
        assertThat(inPresent("la doctora dijo que es normal tener la pierna dormida", "pierna dormida"))
                .isFalse();
        assertThat(inPresent("es normal que mi mama hable enredado desde hace una hora", "hable enredado"))
                .isTrue();
        // the last week, as the last month is
        assertThat(inPresent("la semana pasada me cai en el bano", "me cai")).isFalse();
    }

    @Test
    void aPastThoughtOfSelfHarmIsOverWhereTheMessageSaysHelpWasHadOrAllIsCalmNowButAPeaceMadeIsNot() {
        assertThat(RealPolicy.policy()
                        .decide("ya me habian dado ganas d matarme hace años pero ya fui a terapia y toy bien, nomas"
                                + " q el form pregunta"))
                .isNotInstanceOf(Decision.Emergency.class);
        assertThat(RealPolicy.policy()
                        .decide("quise quitarme la vida hace mas de cuarenta años. Ahora estoy tranquila y contenta con"
                                + " mis nietos"))
                .isNotInstanceOf(Decision.Emergency.class);
        // a calm after a decision is a farewell, never a reassurance
        assertThat(inPresent("ya tengo suficientes pastillas guardadas, ya estoy en paz", "pastillas guardadas"))
                .isTrue();
    }

    @Test
    void whatAThingCanDoIsAskedInGeneralButAnAdverbIsNoThing() {
        assertThat(inPresent("can the cement cause paralysis", "paralysis")).isFalse();
        assertThat(inPresentAsThreat("pills that would just make everything stop", "make everything stop"))
                .isTrue();
    }

    @Test
    void onceIsThePastButAllAtOnceIsNot() {
        assertThat(inPresent("I fainted once at the dentist", "fainted")).isFalse();
        assertThat(inPresent("una vez me desmaye en el dentista", "desmaye")).isFalse();
        // all at once: the week's pills taken together
        assertThat(inPresent("she took all her pills for the week at once and is vomiting", "took all her pills"))
                .isTrue();
        assertThat(inPresent("se tomo todas las pastillas de la semana de una vez", "se tomo todas"))
                .isTrue();
    }

    @Test
    void aDecimalPointEndsNoSentence() {
        // both in one sentence, as a rule's groups must be: the fever and the back pain growing worse
        assertThat(RealPolicy.policy()
                        .decide("She is diabetic and had an injection last week. A steadily rising fever, now 101.9,"
                                + " and her low back pain has become much worse than before the injection. Her legs"
                                + " feel heavy tonight."))
                .isInstanceOf(Decision.Emergency.class);
    }

    @Test
    void anOrdinaryOrdealSaidToKillOrDrownIsAFigureButNeverTheThreatOrTheSymptom() {
        assertThat(inPresent("I'm choking on all this medical jargon. What does medial branch mean?", "choking"))
                .isFalse();
        assertThat(inPresent("he is choking on a piece of meat", "choking")).isTrue();
        assertThat(inPresent("me estoy ahogando en facturas medicas desde la cifoplastia", "ahogando"))
                .isFalse();
        assertThat(inPresent("mi papa se esta ahogando y no puede hablar", "ahogando"))
                .isTrue();
        assertThat(inPresentAsThreat("la fila del seguro me mato jaja, ya tengo la autorizacion", "me mato"))
                .isFalse();
        assertThat(inPresentAsThreat("chilero el doctor, me mato de la risa con sus chistes", "me mato"))
                .isFalse();
        assertThat(inPresentAsThreat("ya no aguanto, esta noche me mato", "me mato"))
                .isTrue();
        assertThat(inPresent("ive been dead on my feet since this flare started", "dead"))
                .isFalse();
        assertThat(inPresent("the online portal is driving me off a clif", "off a clif"))
                .isFalse();
    }

    @Test
    void aDenialReachesToTheEndOfTheListItDenies() {
        assertThat(inPresent(
                        "He has not had any episodes of confusion, fainting, or slurred speech. The cardiologist"
                                + " cleared him.",
                        "slurred"))
                .isFalse();
        assertThat(inPresent("no fever or chills, but now her speech is slurred", "slurred"))
                .isTrue();
        assertThat(inPresent("no tiene fiebre ni escalofrios y ahora no puede mover la pierna", "no puede mover"))
                .isTrue();
    }

    @Test
    void theFacesColourIsNoWoundsSignButTheFaceKeepsItsOwnSigns() {
        assertThat(inPresent("grandma's face is all red and flushed after her steroid shot yesterday", "red"))
                .isFalse();
        assertThat(inPresent("tengo la cara caliente y colorada desde ayer por la inyeccion", "caliente"))
                .isFalse();
        assertThat(inPresent("the injection site is red and hot", "red")).isTrue();
        assertThat(inPresent("her face is swelling up after the shot", "swelling"))
                .isTrue();
        assertThat(RealPolicy.policy()
                        .decide("grandma's face is all red and flushed after her steroid shot yesterday, like a"
                                + " sunburn. how long does it last?"))
                .isNotInstanceOf(Decision.Emergency.class);
        assertThat(RealPolicy.policy().decide("the shot site is red and hot and oozing and I have chills"))
                .isInstanceOf(Decision.Emergency.class);
    }

    @Test
    void onesOwnHeartThatStoppedIsAFrightAndAnOverdoseOfAnyoneIsAGeneralQuestion() {
        assertThat(inPresent("la chamaca no se trago ninguna, pero se me paro el corazon. donde las pongo?", "corazon"))
                .isFalse();
        assertThat(inPresent("a mi papa se le paro el corazon y no respira", "se le paro el corazon"))
                .isTrue();
        assertThat(inPresent("can you overdose on a fentanyl patch just by touching it?", "overdose"))
                .isFalse();
        assertThat(inPresent("i think i overdosed on my oxy", "overdosed")).isTrue();
    }
}
