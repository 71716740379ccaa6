package com.clinicfaq;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port with a library of two procedures: a temporary copy of the shipped kyphoplasty
 * knowledge base with the radiofrequency ablation sample imported with the importer command alone. The test classes
 * that extend it share one application context; none of them changes the library.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class TwoProcedureLibrary {

    public static final String ABLATION = "radiofrequency-ablation-sample";
    public static final String KYPHOPLASTY = "kyphoplasty-compression-fractures";
    static final Path FOLDER = TestKnowledgeBases.shippedWithSample("clinicfaq-two-procedures", ABLATION);

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        registry.add("clinicfaq.knowledge-base.path", FOLDER::toString);
    }
}
