package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicfaq.conversation.Dialogue.Bot;
import com.clinicfaq.conversation.Dialogue.Event;
import com.clinicfaq.conversation.Dialogue.Visitor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dialogue's moves, each allowed or refused, and typed answers making the same moves as the buttons. */
class DialogueTests {

    /** Every move the dialogue allows (from, event, to), written out again here; anything else is refused. */
    private static final String ALLOWED_MOVES = """
            CHATTING   ANSWERS           CHATTING
            CHATTING   CHATS             CHATTING
            CHATTING   OFFERS            OFFERED
            CHATTING   OPENS_FORM        FORM_OPEN
            OFFERED    ACCEPTS           FORM_OPEN
            OFFERED    DECLINES          CHATTING
            OFFERED    ANSWERS           CHATTING
            OFFERED    CHATS             OFFERED
            OFFERED    OFFERS            OFFERED
            OFFERED    OPENS_FORM        FORM_OPEN
            FORM_OPEN  DECLINES          CHATTING
            FORM_OPEN  SENDS_FORM        CHATTING
            FORM_OPEN  ANSWERS           FORM_OPEN
            FORM_OPEN  CHATS             FORM_OPEN
            FORM_OPEN  OFFERS            FORM_OPEN
            FORM_OPEN  OPENS_FORM        FORM_OPEN
            FORM_OPEN  ASKS_TO_FIX_FORM  FORM_OPEN
            """;

    private static final Map<Stage, Map<Event, Stage>> ALLOWED = allowed();

    @Test
    void makesEveryAllowedMove() {
        ALLOWED.forEach((from, moves) -> moves.forEach((event, to) -> {
            assertThat(Dialogue.next(from, event)).as("%s on %s", from, event).contains(to);
            assertThat(Dialogue.allows(from, event)).isTrue();
            assertThat(Dialogue.after(from, event)).isEqualTo(to);
        }));
        assertThat(Dialogue.MOVES)
                .hasSize(ALLOWED.values().stream().mapToInt(Map::size).sum());
    }

    @Test
    void refusesEveryOtherMove() {
        List<String> refused = new ArrayList<>();
        for (Stage from : Stage.values()) {
            for (Event event : events()) {
                if (!ALLOWED.get(from).containsKey(event)) {
                    assertThat(Dialogue.next(from, event))
                            .as("%s on %s", from, event)
                            .isEmpty();
                    assertThat(Dialogue.allows(from, event)).isFalse();
                    assertThatThrownBy(() -> Dialogue.after(from, event)).isInstanceOf(IllegalStateException.class);
                    refused.add(from + " " + event);
                }
            }
        }
        assertThat(refused)
                .containsExactlyInAnyOrder(
                        "CHATTING ACCEPTS",
                        "CHATTING DECLINES",
                        "CHATTING SENDS_FORM",
                        "CHATTING ASKS_TO_FIX_FORM",
                        "OFFERED SENDS_FORM",
                        "OFFERED ASKS_TO_FIX_FORM",
                        "FORM_OPEN ACCEPTS");
    }

    @Test
    void keepsAnOpenFormOpenWhateverTheBotSays() {
        for (Bot said : Bot.values()) {
            assertThat(Dialogue.next(Stage.FORM_OPEN, said)).contains(Stage.FORM_OPEN);
        }
    }

    @Test
    void startsChatting() {
        assertThat(Dialogue.START).isEqualTo(Stage.CHATTING);
    }

    @ParameterizedTest
    @CsvSource({
        "OFFERED,   yes,             ACCEPTS",
        "OFFERED,   Yes please!,     ACCEPTS",
        "OFFERED,   ok,              ACCEPTS",
        "OFFERED,   no,              DECLINES",
        "OFFERED,   No thanks.,      DECLINES",
        "OFFERED,   maybe later,     DECLINES",
        "FORM_OPEN, cancel,          DECLINES",
        "FORM_OPEN, never mind,      DECLINES",
        "FORM_OPEN, no,              DECLINES",
    })
    void readsATypedAnswerAsTheMoveItsButtonMakes(Stage stage, String text, Visitor move) {
        assertThat(Dialogue.typed(stage, text)).contains(move);
        assertThat(Dialogue.allows(stage, move)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "CHATTING,  yes",
        "CHATTING,  no",
        "CHATTING,  cancel",
        "OFFERED,   cancel",
        "OFFERED,   yes what does it cost",
        "FORM_OPEN, yes",
        "FORM_OPEN, nope",
        "FORM_OPEN, how long does it take",
    })
    void readsNoOtherMessageAsAnAnswer(Stage stage, String text) {
        assertThat(Dialogue.typed(stage, text)).isEmpty();
    }

    @Test
    void neverReadsATypedAnswerThatItsStageRefuses() {
        for (Stage stage : Stage.values()) {
            for (String text : List.of("yes", "no", "cancel", "ok", "nope", "stop", "sure please", "not now")) {
                Optional<Visitor> move = Dialogue.typed(stage, text);
                move.ifPresent(m -> assertThat(Dialogue.allows(stage, m))
                        .as("%s typed in %s", text, stage)
                        .isTrue());
            }
        }
    }

    private static Map<Stage, Map<Event, Stage>> allowed() {
        Map<Stage, Map<Event, Stage>> allowed = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            allowed.put(stage, new HashMap<>());
        }
        ALLOWED_MOVES
                .lines()
                .map(line -> line.strip().split("\\s+"))
                .forEach(move -> allowed.get(Stage.valueOf(move[0]))
                        .put(
                                events().stream()
                                        .filter(e -> e.toString().equals(move[1]))
                                        .findFirst()
                                        .orElseThrow(),
                                Stage.valueOf(move[2])));
        return allowed;
    }

    private static List<Event> events() {
        return Stream.concat(Stream.of(Visitor.values()), Stream.of(Bot.values()))
                .map(Event.class::cast)
                .toList();
    }
}
