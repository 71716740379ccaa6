package com.clinicfaq.policy;

import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real knowledge base and the policy read from it, loaded once for all policy tests. */
final class RealPolicy {

    static final Path KNOWLEDGE_BASE = Path.of("knowledge-base");

    private RealPolicy() {}

    private static final class Holder {
        static final KnowledgeBase KNOWLEDGE = new KnowledgeBaseReader().read(KNOWLEDGE_BASE);
        static final List<String> FAQ_QUESTIONS = KNOWLEDGE.faqs().stream()
                .flatMap(faq -> Stream.concat(Stream.of(faq.question()), faq.phrasings().stream()))
                .toList();
        static final ConversationPolicy POLICY =
                new ConversationPolicy(new PolicyRulesReader().read(KNOWLEDGE_BASE, FAQ_QUESTIONS));
    }

    static KnowledgeBase knowledge() {
        return Holder.KNOWLEDGE;
    }

    /** Every FAQ question and every other way of asking it: what visitors ordinarily ask. */
    static List<String> faqQuestions() {
        return Holder.FAQ_QUESTIONS;
    }

    static List<Faq> faqs() {
        return Holder.KNOWLEDGE.faqs();
    }

    static ConversationPolicy policy() {
        return Holder.POLICY;
    }
}
