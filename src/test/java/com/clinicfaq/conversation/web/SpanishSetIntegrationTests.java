package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TestKnowledgeBases;
import com.clinicfaq.curation.EvaluationSet;
import com.clinicfaq.knowledge.CsvRecords;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.knowledge.Section;
import com.clinicfaq.knowledge.Translation;
import com.clinicfaq.policy.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The blind Spanish sets (issue #16: {@code knowledge-base/checks/spanish-{dev,holdout}.csv} and {@code
 * spanish-{dev2,holdout2}.csv}, each set written by an author who saw only the kyphoplasty article), asked of the shipped service over a real WebSocket, each message as the first of
 * a conversation opened on a Spanish page. A reply is in Spanish when its frame says {@code lang="es"}; it is right
 * when it is what the message asks for: an answer with one of the expected facts (in the article's English words or in
 * Spanish), small talk for small talk, the contact form for a booking, a decline or a clinician's offer for what the
 * articles do not answer. Prints the figures per kind; holds the kinds the policy answers to their floor.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a conversation for each of 200 messages, all from one address
        properties = {
            "clinicfaq.chat.rate-limit.new-connection-burst=1000",
            "clinicfaq.chat.rate-limit.address-burst=100000",
            "clinicfaq.chat.rate-limit.address-interval=1ms"
        })
class SpanishSetIntegrationTests {

    /** The shipped knowledge base with its Spanish translation marked reviewed, as staff would (issue #16). */
    static final Path FOLDER = TestKnowledgeBases.shippedWithTranslationsReviewed("clinicfaq-spanish-set");

    static final KnowledgeBase KNOWLEDGE = new KnowledgeBaseReader().read(FOLDER);

    /** The least share of the questions the article answers that must be answered right and in Spanish. */
    static final double ANSWER_FLOOR = 0.70;

    /**
     * The same for the second set ({@code spanish-dev2.csv}, {@code spanish-holdout2.csv}: 200 more messages by another
     * blind author, session 32), whose holdout half was first read at 42 of 65 (dev half 48).
     */
    static final double SECOND_SET_ANSWER_FLOOR = 0.62;

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        registry.add("clinicfaq.knowledge-base.path", FOLDER::toString);
    }

    /**
     * The least share of small talk, bookings and questions the articles do not answer that must be right and in Spanish.
     * It was 0.80 before the Spanish answers (2026-12-05): the holdout's 30 of 35 then counted 15 of 15 questions the
     * article does not answer declined, since nothing was answered in Spanish at all; with the reviewed translation
     * answering, 12 of 15 are (and 37 of 65 questions it does answer are answered right in Spanish, none before).
     */
    static final double POLICY_FLOOR = 0.75;

    @LocalServerPort
    int port;

    record Case(String question, List<String> expectedEn, List<String> expectedEs, String kind) {

        boolean answerable() {
            return !expectedEn.isEmpty();
        }
    }

    static List<Case> load(String half) throws Exception {
        List<String> lines = Files.readAllLines(
                EvaluationSet.PROJECT_CHECKS.resolve("spanish-" + half + ".csv"), StandardCharsets.UTF_8);
        return lines.stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(CsvRecords::fields)
                .map(f -> new Case(f.get(0), alternatives(f.get(1)), alternatives(f.get(2)), f.get(3)))
                .toList();
    }

    private static List<String> alternatives(String field) {
        return field.isBlank()
                ? List.of()
                : Arrays.stream(field.split("\\|"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The English of a translated answer: the English FAQ answer of the translated FAQ it quotes, or the English paragraph
     * of the translated paragraph; "" for a text no translation holds.
     */
    static String englishOf(String reply) {
        for (Translation translation : KNOWLEDGE.translations()) {
            for (Translation.TranslatedFaq faq : translation.faqs()) {
                if (reply.contains(faq.answer().strip())) {
                    return KNOWLEDGE.faqs().stream()
                            .filter(f -> f.id().equals(faq.faqId()))
                            .findFirst()
                            .orElseThrow()
                            .answer();
                }
            }
            for (Section section : translation.sections()) {
                Section english = KNOWLEDGE.article(translation.articleId()).orElseThrow().sections().stream()
                        .filter(s -> s.anchor().equals(section.anchor()))
                        .findFirst()
                        .orElseThrow();
                for (int n = 0; n < section.blocks().size(); n++) {
                    if (reply.contains(section.blocks().get(n).text().strip())) {
                        return section.blocks().size() == english.blocks().size()
                                ? english.blocks().get(n).text()
                                : english.blocks().stream()
                                        .map(b -> b.text())
                                        .collect(java.util.stream.Collectors.joining("\n"));
                    }
                }
            }
        }
        return "";
    }

    /** Whether the reply is what the message asks for (see the class comment). */
    static boolean right(Case c, JsonNode reply) {
        String kind = reply.path("kind").asString();
        String text = folded(reply.path("text").asString());
        if (c.answerable()) {
            // an answer in Spanish is right when the English it translates holds an expected fact, as an English one is
            String english = folded(englishOf(reply.path("text").asString()));
            return (kind.equals("answer") || kind.equals("clinician"))
                    && (java.util.stream.Stream.concat(c.expectedEn().stream(), c.expectedEs().stream())
                                    .anyMatch(e -> text.contains(folded(e)))
                            || c.expectedEn().stream().anyMatch(e -> english.contains(folded(e))));
        }
        return switch (c.kind()) {
            case "small-talk" -> kind.equals("smalltalk");
            case "booking" -> kind.equals("handoff.form");
            default -> kind.equals("unknown") || kind.equals("clinician") || kind.equals("handoff.offer");
        };
    }

    @Test
    void eachSpanishSuggestionIsAnsweredInSpanishFromTheSamePlaceAsItsEnglishQuestion() throws Exception {
        List<String> english;
        try (ChatClient chat = ChatClient.connect(port)) {
            english = chat.awaitBot("greeting")
                    .path("suggestions")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
        }
        List<String> spanish;
        try (ChatClient chat = ChatClient.connectInLanguage(port, "es")) {
            spanish = chat.awaitBot("greeting")
                    .path("suggestions")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
        }
        assertThat(spanish).hasSameSizeAs(english).doesNotContainAnyElementsOf(english);
        for (int i = 0; i < english.size(); i++) {
            String place;
            try (ChatClient chat = ChatClient.connect(port)) {
                chat.awaitBot("greeting");
                chat.say(english.get(i));
                place = chat.awaitBot("answer").path("source").path("url").asString();
            }
            try (ChatClient chat = ChatClient.connectInLanguage(port, "es")) {
                chat.awaitBot("greeting");
                chat.say(spanish.get(i));
                JsonNode answer = chat.awaitBot("answer");
                assertThat(answer.path("lang").asString()).as(spanish.get(i)).isEqualTo("es");
                assertThat(answer.path("source").path("url").asString())
                        .as(spanish.get(i))
                        .isEqualTo(place)
                        .isNotBlank();
            }
        }
    }

    @Test
    void theBlindSpanishSetIsAnsweredInSpanishWhereThePolicyAnswers() throws Exception {
        for (String half : List.of("dev", "holdout", "dev2", "holdout2")) {
            // right and in Spanish; right in English with the Spanish note; a reply or a note in Spanish; all; answered
            // wrong
            Map<String, int[]> byKind = new TreeMap<>();
            for (Case c : load(half)) {
                JsonNode reply;
                JsonNode note = null;
                try (ChatClient chat = ChatClient.connectInLanguage(port, "es")) {
                    chat.awaitBot("greeting");
                    chat.say(c.question());
                    reply = chat.await(f -> f.path("type").asString().equals("bot")
                            && !f.path("kind").asString().equals("greeting"));
                    boolean writtenInSpanish =
                            Language.detect(c.question()).orElse(Language.SPANISH) == Language.SPANISH;
                    if (reply.path("kind").asString().equals("answer")
                            && writtenInSpanish
                            && !reply.path("lang").asString().equals("es")) {
                        // an English answer to a Spanish message is followed by the Spanish note and offer
                        note = chat.awaitBot("handoff.offer");
                        assertThat(note.path("lang").asString()).isEqualTo("es");
                    }
                }
                boolean spanish = reply.path("lang").asString().equals("es");
                boolean right = right(c, reply);
                if (half.startsWith("dev") && !(spanish && right) && (!c.answerable() || !right)) {
                    // the dev half's misses, to tune on (never the holdout's)
                    System.out.printf(
                            "    %s miss [%s] %s -> %s (%s) %.60s%n",
                            half,
                            c.kind(),
                            c.question(),
                            reply.path("kind").asString(),
                            reply.path("lang").asString(),
                            reply.path("text").asString());
                }
                int[] counts =
                        byKind.computeIfAbsent(c.answerable() ? "answerable " + c.kind() : c.kind(), k -> new int[5]);
                counts[0] += spanish && right ? 1 : 0;
                counts[1] += !spanish && right && note != null ? 1 : 0;
                counts[2] += spanish || note != null ? 1 : 0;
                counts[3]++;
                counts[4] += c.answerable() && reply.path("kind").asString().equals("answer") && !right ? 1 : 0;
            }
            int policyRight = 0;
            int policyAll = 0;
            int answered = 0;
            int answerable = 0;
            System.out.println(
                    "Spanish set (" + half + "): right and in Spanish / right in English with the Spanish note / "
                            + "in Spanish / all / answered wrong");
            for (var entry : byKind.entrySet()) {
                int[] v = entry.getValue();
                System.out.printf(
                        "    %-24s %3d / %3d / %3d / %3d / %3d%n", entry.getKey(), v[0], v[1], v[2], v[3], v[4]);
                if (entry.getKey().startsWith("answerable")) {
                    answered += v[0];
                    answerable += v[3];
                } else {
                    policyRight += v[0];
                    policyAll += v[3];
                }
            }
            assertThat((double) policyRight / policyAll)
                    .as(half + ": " + byKind.keySet())
                    .isGreaterThanOrEqualTo(POLICY_FLOOR);
            assertThat((double) answered / answerable)
                    .as(half + ": answered right and in Spanish")
                    .isGreaterThanOrEqualTo(half.endsWith("2") ? SECOND_SET_ANSWER_FLOOR : ANSWER_FLOOR);
        }
    }
}
