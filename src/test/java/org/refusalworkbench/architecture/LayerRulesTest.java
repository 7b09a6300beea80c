package org.refusalworkbench.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers only reach downward: domain → taxonomy → storage/agreement → importing/report → ui/cli. */
class LayerRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.refusalworkbench");

    @Test
    void layersOnlyDependDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("Domain").definedBy("org.refusalworkbench.domain..")
                .layer("Taxonomy").definedBy("org.refusalworkbench.taxonomy..")
                .layer("Agreement").definedBy("org.refusalworkbench.agreement..")
                .layer("FileIo").definedBy("org.refusalworkbench.fileio..")
                .layer("Storage").definedBy("org.refusalworkbench.storage..")
                .layer("Importing").definedBy("org.refusalworkbench.importing..")
                .layer("Export").definedBy("org.refusalworkbench.export..")
                .layer("Demo").definedBy("org.refusalworkbench.demo..")
                .layer("Report").definedBy("org.refusalworkbench.report..")
                .layer("Project").definedBy("org.refusalworkbench.project..")
                .layer("Ui").definedBy("org.refusalworkbench.ui..")
                .layer("Cli").definedBy("org.refusalworkbench.cli..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("Demo").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Project").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Project", "Ui", "Cli")
                .whereLayer("Importing").mayOnlyBeAccessedByLayers("Demo", "Project", "Ui", "Cli")
                .whereLayer("Export").mayOnlyBeAccessedByLayers("Project", "Ui", "Cli")
                .whereLayer("FileIo").mayOnlyBeAccessedByLayers("Importing", "Export", "Demo", "Ui", "Cli")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Importing", "Export", "Demo", "Project", "Ui",
                        "Cli")
                .whereLayer("Agreement").mayOnlyBeAccessedByLayers("Report", "Project", "Ui", "Cli")
                .whereLayer("Taxonomy").mayOnlyBeAccessedByLayers("Storage", "Importing", "Export", "Demo", "Agreement",
                        "Report", "Project", "Ui", "Cli")
                .check(CLASSES);
    }

    @Test
    void agreementIsPureComputation() {
        noClasses().that().resideInAPackage("org.refusalworkbench.agreement..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.refusalworkbench.ui..", "org.refusalworkbench")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .check(CLASSES);
    }

    @Test
    void onlyStorageTalksJdbc() {
        noClasses().that().resideInAnyPackage("org.refusalworkbench.domain..", "org.refusalworkbench.taxonomy..",
                        "org.refusalworkbench.agreement..", "org.refusalworkbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(CLASSES);
    }
}
