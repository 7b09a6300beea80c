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
                .layer("LabelFile").definedBy("org.refusalworkbench.labelfile..")
                .layer("Demo").definedBy("org.refusalworkbench.demo..")
                .layer("Report").definedBy("org.refusalworkbench.report..")
                .layer("Ui").definedBy("org.refusalworkbench.ui..")
                .layer("Cli").definedBy("org.refusalworkbench.cli..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("Demo").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Importing").mayOnlyBeAccessedByLayers("Demo", "Ui", "Cli")
                .whereLayer("Export").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("LabelFile").mayOnlyBeAccessedByLayers("Export", "Ui", "Cli")
                .whereLayer("FileIo").mayOnlyBeAccessedByLayers("Importing", "Export", "LabelFile", "Demo", "Ui", "Cli")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Importing", "Export", "LabelFile", "Demo", "Ui", "Cli")
                .whereLayer("Agreement").mayOnlyBeAccessedByLayers("Report", "Ui", "Cli")
                .whereLayer("Taxonomy").mayOnlyBeAccessedByLayers("Storage", "Importing", "Export", "LabelFile", "Demo",
                        "Agreement", "Report", "Ui", "Cli")
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
