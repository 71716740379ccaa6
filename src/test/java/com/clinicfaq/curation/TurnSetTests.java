package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.CsvRecords;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.search.OnnxEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests for an appointment, a call or a person, small talk, and ordinary questions that speak of appointments and
 * calls, in Spanish and in English, as the shipped policy with the real embedding model decides them (issue #16, part
 * 5: booking and small talk in Spanish follow the same policy as in English). Four blind sets, each written by a
 * helper who saw neither the policy nor the code ({@code src/test/resources/conversational/*-turns-*.csv}): the
 * policy's Spanish booking and small-talk words were widened on the Spanish dev set's misses, and the learned reading
 * of requests (BookingTrainer) learns from the dev sets; the holdout sets are only counted. docs/evaluation.md has the
 * figures.
 */
class TurnSetTests {

    private static final Path SETS = Path.of("src/test/resources/conversational");
    private static ConversationPolicy policy;

    @BeforeAll
    static void readThePolicy() {
        com.clinicfaq.TestKnowledgeBases.ShippedPolicy shipped = com.clinicfaq.TestKnowledgeBases.shippedPolicy();
        policy = new ConversationPolicy(
                shipped.rules(), new PolicyEncoder(OnnxEmbedder.allMiniLmL6V2()), shipped.questions());
    }

    /** A message of the set, its kind as written, and how the policy read it. */
    private record Read(String message, String kind, String decided) {}

    private static List<Read> read(String set) throws IOException {
        List<String> lines = Files.readAllLines(SETS.resolve(set + ".csv"), StandardCharsets.UTF_8);
        List<Read> read = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = CsvRecords.fields(line);
            String decided = switch (policy.decide(fields.get(0))) {
                case Decision.Booking booking -> "booking";
                case Decision.SmallTalk smallTalk -> "smalltalk";
                case Decision.AskKnowledgeBase ask -> "question";
                case Decision.NeedsClinician clinician -> "question"; // answered, with the clinician's note
                case Decision.Emergency emergency -> "emergency";
            };
            read.add(new Read(fields.get(0), fields.get(1), decided));
        }
        return read;
    }

    private static double share(List<Read> read, String kind) {
        List<Read> ofKind = read.stream().filter(r -> r.kind().equals(kind)).toList();
        return ofKind.stream().filter(r -> r.decided().equals(kind)).count() / (double) ofKind.size();
    }

    @ParameterizedTest
    @CsvSource({
        // holdout: 43 of 50 (26 before the Spanish booking words were widened on the dev half, 37 before the learned
        // reading of requests)
        "spanish-turns, 0.80",
        // holdout: 37 of 50 (32 with the booking rules' words alone)
        "english-turns, 0.70"
    })
    void aRequestForAnAppointmentACallOrAPersonOpensTheContactFormHoweverItIsWritten(String set, double floor)
            throws IOException {
        for (String half : List.of("dev", "holdout")) {
            List<Read> read = read(set + "-" + half);
            Map<String, Long> byKind = new TreeMap<>();
            read.forEach(r -> byKind.merge(r.kind() + " read as " + r.decided(), 1L, Long::sum));
            System.out.printf("%s (%s): %s%n", set, half, byKind); // figures only, for docs/evaluation.md

            assertThat(share(read, "booking"))
                    .as(half + ": requests recognised")
                    .isGreaterThanOrEqualTo(floor);
            // an ordinary question that speaks of an appointment is still answered, not turned into a request
            assertThat(share(read, "question"))
                    .as(half + ": questions answered")
                    .isGreaterThanOrEqualTo(0.90);
        }
    }
}
