package com.clinicfaq.policy;

import java.util.List;
import java.util.Set;

/**
 * Whether a message speaks of a medicine: a pill, a patch, a dose, or a medicine by name, in English or Spanish. Such a
 * message is read a second time by a model of the boundary between handling a medicine (keeping pills from the
 * grandchildren, getting rid of a late father's patches, a missed or vomited dose, a pill too big to swallow) and an
 * overdose or a stash of pills kept with intent ({@link RedFlagSimilarity#medicineVeto}): the learned layer,
 * trained mostly on other emergencies, reads the first for the second. A blood thinner is not among them: a message
 * that names one is most often about bleeding, which that model knows little of.
 */
final class Medicines {

    private Medicines() {}

    /** Words of a medicine, as {@link Words} reads them (lower case, no accents). */
    private static final Set<String> WORDS = Set.of(
            "pill",
            "pills",
            "pillbox",
            "tablet",
            "tablets",
            "tabs",
            "capsule",
            "capsules",
            "caplet",
            "caplets",
            "patch",
            "patches",
            "medicine",
            "medicines",
            "medication",
            "medications",
            "meds",
            "dose",
            "doses",
            "dosage",
            "prescription",
            "prescriptions",
            "refill",
            "narcan",
            "naloxone",
            "opioid",
            "opioids",
            "painkiller",
            "painkillers",
            "pastilla",
            "pastillas",
            "pastillita",
            "pastillitas",
            "pastillero",
            "tableta",
            "tabletas",
            "capsula",
            "capsulas",
            "pildora",
            "pildoras",
            "parche",
            "parches",
            "medicina",
            "medicinas",
            "medicamento",
            "medicamentos",
            "remedio",
            "remedios",
            "dosis",
            "receta",
            "opioide",
            "opioides",
            "morphine",
            "morfina",
            "fentanyl",
            "fentanilo",
            "tramadol",
            "norco",
            "percocet",
            "percocets",
            "vicodin",
            "dilaudid",
            "methadone",
            "metadona",
            "hydrocodone",
            "hidrocodona",
            "codeine",
            "codeina",
            "gabapentin",
            "gabapentina",
            "pregabalin",
            "lyrica",
            "duloxetine",
            "cymbalta",
            "tylenol",
            "acetaminophen",
            "paracetamol",
            "ibuprofen",
            "advil",
            "aleve",
            "naproxen",
            "xanax",
            "valium",
            "ambien",
            "flexeril",
            "cyclobenzaprine",
            "relaxer",
            "relaxers",
            "relajante",
            "relajantes",
            "oxy",
            "oxys",
            "oxycodone",
            "oxicodona",
            "oxycodona",
            "oxycontin",
            "oxicontin",
            "hidrocodone",
            "hydrocodona");

    static boolean mentioned(List<String> words) {
        for (String word : words) {
            if (WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
