package com.clinicfaq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules as Spring Modulith sees them (docs/architecture.md): each direct sub-package of
 * {@code com.clinicfaq} is a module, its top-level public types are its API, its sub-packages are internal.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ClinicFaqApplication.class);

    /** No cycle between modules, and no module reaching into another's internals. */
    @Test
    void modulesAreFreeOfCyclesAndUseEachOthersApisOnly() {
        MODULES.verify();
    }

    /** The diagrams and module canvases of docs/modules, written again on every build: a change shows in the diff. */
    @Test
    void writesTheModulesDocumentation() throws IOException {
        Path folder = Path.of("docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(folder)) {
            for (Path diagram :
                    diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                sortRelations(diagram);
            }
        }
    }

    /** The Documenter writes a diagram's relations in no fixed order: sorted, an unchanged arrangement changes no file. */
    private static void sortRelations(Path diagram) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Rel(")) {
                at.add(i);
            }
        }
        List<String> relations = at.stream().map(lines::get).sorted().toList();
        for (int i = 0; i < at.size(); i++) {
            lines.set(at.get(i), relations.get(i));
        }
        Files.write(diagram, lines);
    }
}
