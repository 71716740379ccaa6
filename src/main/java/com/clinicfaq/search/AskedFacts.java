package com.clinicfaq.search;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The kinds of practical fact a visitor asks for that an answer either states or does not: a price, a phone number, an
 * address, insurance, opening hours. A passage about the doctor or the procedure is no answer to "what's your phone
 * number?"; when no candidate states the kind of fact asked for, the article does not answer, whatever it says near the
 * words.
 * Never another kind of question: "how long does it take" is the ranking's to weigh.
 */
enum AskedFacts {
    PRICE(
            "\\bhow much (?:does|do|will|would|is|are|did)\\b[^?]*\\b(?:cost|charge|pay)\\b|\\bcosts?\\b|\\bprice\\b"
                    + "|\\bout of pocket\\b|\\bfees?\\b|\\bco-?pay\\b",
            "\\$\\s?\\d|\\b\\d[\\d,]*(?:\\.\\d\\d)? (?:dollars|usd)\\b|\\bcosts? (?:about|around|between|from)\\b"),
    PHONE(
            "\\bphone\\b|\\bnumber (?:to|i can|should i|do i) call\\b|\\bfax\\b|\\btelephone\\b",
            "\\(?\\b\\d{3}\\)?[-. ]\\d{3}[-. ]\\d{4}\\b"),
    ADDRESS(
            "\\b(?:street |mailing )?address\\b|\\bdirections to\\b",
            // case as written: a number, capitalised words, a kind of street ("1100 Trancas Street"; never "30 years
            // Dr")
            "(?-i:\\b\\d{2,5} [A-Z][\\w.]*(?: [A-Z][\\w.]*)* (?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Way"
                    + "|Lane|Ln|Court|Ct|Parkway|Pkwy)\\b)"),
    INSURANCE(
            "\\b(?:insurance|insurer|medicare|medicaid|medi-cal|tricare|kaiser|blue (?:shield|cross)|aetna|cigna|humana"
                    + "|united ?healthcare|in[- ]network|pre-?approv\\w*|prior auth\\w*)\\b",
            "\\b(?:insurance|insurer|insurers|medicare|medicaid|coverage|covered|covers|health plans?|in[- ]network"
                    + "|prior authori[sz]ation|pre-?approv\\w*|approval|co-?pays?|deductibles?)\\b"),
    HOURS(
            "\\b(?:office|opening|business) hours\\b|\\bopen on (?:saturdays?|sundays?|weekends?|holidays?)\\b"
                    + "|\\bwhat time do you (?:open|close)\\b|\\bare you open\\b",
            "\\b\\d{1,2}(?::\\d\\d)? ?(?:am|pm|a\\.m\\.|p\\.m\\.)|\\b(?:monday|tuesday|wednesday|thursday|friday|saturday"
                    + "|sunday)s? (?:through|to|-)\\b");

    private final Pattern asks;
    private final Pattern states;

    AskedFacts(String asks, String states) {
        this.asks = Pattern.compile(asks, Pattern.CASE_INSENSITIVE);
        this.states = Pattern.compile(states, Pattern.CASE_INSENSITIVE);
    }

    /** The kinds of fact the question asks for: usually none, at most a few. */
    static List<AskedFacts> askedIn(String question) {
        return java.util.Arrays.stream(values())
                .filter(kind -> kind.asks.matcher(question).find())
                .toList();
    }

    /** Whether the text states a fact of every kind asked for (true when none is asked). */
    static boolean stated(List<AskedFacts> asked, String text) {
        return asked.stream().allMatch(kind -> kind.states.matcher(text).find());
    }
}
