package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseProperties;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.policy.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff change the safety rules without a restart; a broken file never replaces working rules. */
class SafetyRulesTests {

    @TempDir
    Path folder;

    @Test
    void readsAChangedRulesFileAndKeepsTheRulesInForceWhenItIsBroken() throws IOException {
        Path policy = folder.resolve("policy.yml");
        Files.copy(Path.of("knowledge-base/policy.yml"), policy);
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(Path.of("knowledge-base"));
        SafetyRules rules = new SafetyRules(new KnowledgeBaseProperties(folder), knowledge);
        assertThat(rules.current().rules().texts().greeting()).startsWith("Hello!");

        String changed = Files.readString(policy).replace("    Hello! I can answer", "    Welcome! I can answer");
        assertThat(changed).isNotEqualTo(Files.readString(policy));
        write(policy, changed, 1);
        assertThat(rules.reloadIfChanged()).isTrue();
        assertThat(rules.current().rules().texts().greeting()).startsWith("Welcome!");

        write(policy, changed.replace("disclaimer:", "disclaimr:"), 2);
        assertThat(rules.reloadIfChanged()).isFalse();
        assertThat(rules.current().rules().texts().greeting()).startsWith("Welcome!");
        assertThat(rules.current().decide("i cant feel my legs")).isInstanceOf(Decision.Emergency.class);
    }

    private static void write(Path file, String content, int secondsLater) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }
}
