package com.clinicfaq.conversation;

import com.clinicfaq.search.Answer;
import java.util.List;

/** Builds bot messages; it is given the disclaimer up front, so every message it builds has it. */
final class BotMessageBuilder {

    private final BotMessage.Kind kind;
    private final String text;
    private final String disclaimer;
    private Answer.Source source;
    private Double confidence;
    private List<BotMessage.Action> actions = List.of();
    private List<String> suggestions = List.of();
    private boolean emergency;
    private String ruleId = "";
    private String basis = "";
    private String language = "en";

    BotMessageBuilder(BotMessage.Kind kind, String text, String disclaimer) {
        this.kind = kind;
        this.text = text;
        this.disclaimer = disclaimer;
    }

    BotMessageBuilder source(Answer.Found answer) {
        this.source = answer.source();
        this.confidence = answer.confidence();
        return this;
    }

    BotMessageBuilder offering() {
        this.actions = List.of(BotMessage.Action.ACCEPT_HANDOFF, BotMessage.Action.DECLINE_HANDOFF);
        return this;
    }

    BotMessageBuilder suggestions(List<String> suggestions) {
        this.suggestions = suggestions;
        return this;
    }

    BotMessageBuilder emergency() {
        this.emergency = true;
        return this;
    }

    BotMessageBuilder rule(String ruleId) {
        this.ruleId = ruleId;
        return this;
    }

    BotMessageBuilder basis(String basis) {
        this.basis = basis;
        return this;
    }

    /** The language the message is written in ({@link com.clinicfaq.policy.Language#code}). */
    BotMessageBuilder language(String language) {
        this.language = language;
        return this;
    }

    BotMessage build() {
        return new BotMessage(
                kind, text, source, confidence, actions, suggestions, emergency, ruleId, disclaimer, basis, language);
    }
}
