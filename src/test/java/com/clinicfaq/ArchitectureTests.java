package com.clinicfaq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries that keep each capability replaceable (README, "Modules"). */
@AnalyzeClasses(packages = "com.clinicfaq", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule luceneOnlyInSearch = noClasses()
            .that()
            .resideOutsideOfPackage("com.clinicfaq.search..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.lucene..");

    @ArchTest
    static final ArchRule embeddingModelOnlyInSearch = noClasses()
            .that()
            .resideOutsideOfPackage("com.clinicfaq.search..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.langchain4j..", "ai.onnxruntime..");

    @ArchTest
    static final ArchRule policyIsPureJava = noClasses()
            .that()
            .resideInAPackage("com.clinicfaq.policy..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "java.sql..",
                    "com.clinicfaq.conversation..",
                    "com.clinicfaq.search..",
                    "com.clinicfaq.handoff..");

    @ArchTest
    static final ArchRule webSocketOnlyInConversationWeb = noClasses()
            .that()
            .resideOutsideOfPackage("com.clinicfaq.conversation.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.web.socket..");

    @ArchTest
    static final ArchRule demoPageOnlyReadsTheKnowledgeBase = noClasses()
            .that()
            .resideInAPackage("com.clinicfaq.site..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.clinicfaq.search..",
                    "com.clinicfaq.conversation..",
                    "com.clinicfaq.handoff..",
                    "com.clinicfaq.policy..");

    @ArchTest
    static final ArchRule knowledgeDependsOnNoOtherModule = noClasses()
            .that()
            .resideInAPackage("com.clinicfaq.knowledge..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.clinicfaq.search..",
                    "com.clinicfaq.conversation..",
                    "com.clinicfaq.handoff..",
                    "com.clinicfaq.policy..");

    /** No module depends on itself through others (ModularityTests checks the same with Spring Modulith). */
    @ArchTest
    static final ArchRule modulesAreFreeOfCycles =
            slices().matching("com.clinicfaq.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingDependsOnAnalytics = noClasses()
            .that()
            .resideOutsideOfPackage("com.clinicfaq.analytics..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.clinicfaq.analytics..");
}
