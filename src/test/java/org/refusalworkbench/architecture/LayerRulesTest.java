package org.refusalworkbench.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;

import com.tngtech.archunit.base.DescribedPredicate;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.LayerException;

/**
 * The layers only reach downward (docs/architecture.md): domain → taxonomy → storage/agreement/fileio →
 * importing/labelfile/export/report → project → ui/cli. Every package belongs to a layer, every rule says why, and a
 * class that must break a rule says so with {@link LayerException}.
 */
class LayerRulesTest {

    static final String ROOT = "org.refusalworkbench";
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    private static final String[] LAYER_PACKAGES = {"domain", "taxonomy", "agreement", "statistics", "judging",
            "fileio", "storage", "importing", "labelfile", "export", "demo", "report", "project", "ui", "cli"};

    @Test
    void everyPackageBelongsToALayer() {
        String[] packages = new String[LAYER_PACKAGES.length];
        for (int i = 0; i < packages.length; i++) {
            packages[i] = ROOT + "." + LAYER_PACKAGES[i] + "..";
        }
        classes().that().resideOutsideOfPackage(ROOT).should().resideInAnyPackage(packages)
                .because("a package outside every layer would be checked by no layer rule; add it to the table in"
                        + " docs/architecture.md and to the layered rule below")
                .check(CLASSES);
    }

    @Test
    void layersOnlyDependDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ignoreDependency(annotatedWith(LayerException.class), DescribedPredicate.alwaysTrue())
                .layer("Domain").definedBy(ROOT + ".domain..")
                .layer("Taxonomy").definedBy(ROOT + ".taxonomy..")
                .layer("Agreement").definedBy(ROOT + ".agreement..")
                .layer("Statistics").definedBy(ROOT + ".statistics..")
                .layer("Judging").definedBy(ROOT + ".judging..")
                .layer("FileIo").definedBy(ROOT + ".fileio..")
                .layer("Storage").definedBy(ROOT + ".storage..")
                .layer("Importing").definedBy(ROOT + ".importing..")
                .layer("LabelFile").definedBy(ROOT + ".labelfile..")
                .layer("Export").definedBy(ROOT + ".export..")
                .layer("Demo").definedBy(ROOT + ".demo..")
                .layer("Report").definedBy(ROOT + ".report..")
                .layer("Project").definedBy(ROOT + ".project..")
                .layer("Ui").definedBy(ROOT + ".ui..")
                .layer("Cli").definedBy(ROOT + ".cli..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("Project").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Demo").mayOnlyBeAccessedByLayers("Project", "Ui", "Cli")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Project", "Ui", "Cli")
                .whereLayer("Importing").mayOnlyBeAccessedByLayers("Demo", "Project", "Ui", "Cli")
                .whereLayer("Export").mayOnlyBeAccessedByLayers("Project", "Ui", "Cli")
                .whereLayer("LabelFile").mayOnlyBeAccessedByLayers("Export", "Project", "Ui", "Cli")
                .whereLayer("FileIo").mayOnlyBeAccessedByLayers("Importing", "Export", "LabelFile", "Demo", "Project",
                        "Ui", "Cli")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Importing", "Export", "LabelFile", "Demo",
                        "Project", "Ui", "Cli")
                .whereLayer("Agreement").mayOnlyBeAccessedByLayers("Report", "Project", "Ui", "Cli")
                .whereLayer("Statistics").mayOnlyBeAccessedByLayers("Report", "Project", "Ui", "Cli")
                .whereLayer("Judging").mayOnlyBeAccessedByLayers("Report", "Project", "Ui", "Cli")
                .whereLayer("Taxonomy").mayOnlyBeAccessedByLayers("Storage", "Importing", "Export", "LabelFile",
                        "Demo", "Agreement", "Report", "Project", "Ui", "Cli")
                .because("a layer that reaches upward ties the headless parts to the app: the command line, a second"
                        + " store and the tests could no longer use a lower layer on its own")
                .check(CLASSES);
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".domain..", "java..")
                .because("the domain's records are what every layer shares; a dependency here is one for all of them")
                .check(CLASSES);
    }

    @Test
    void agreementIsPureComputation() {
        noClasses().that().resideInAPackage(ROOT + ".agreement..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..")
                .because("the engine is checked against published examples and other libraries on plain tables;"
                        + " it must run anywhere, without a project or a display")
                .check(CLASSES);
    }

    @Test
    void statisticsDependOnTheJdkOnly() {
        noClasses().that().resideInAPackage(ROOT + ".statistics..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".statistics..", "java..")
                .because("the tests are checked against scipy and statsmodels on plain counts; they must know nothing"
                        + " of projects, labels or taxonomies to be checked that way")
                .check(CLASSES);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".ui..").and().doNotHaveFullyQualifiedName(ROOT + ".Main")
                .and(not(annotatedWith(LayerException.class)))
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .because("everything below the ui runs headless: the command line, CI and a server have no display;"
                        + " Main only decides whether to start the app")
                .check(CLASSES);
    }

    @Test
    void viewsUseTheirViewModelsNotStorageImportingOrExport() {
        noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleName("MainWindow")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".storage..", ROOT + ".importing..",
                        ROOT + ".export..", ROOT + ".labelfile..")
                .because("a view shows what its view model holds and forwards what the user does; reading or writing"
                        + " the project from a view bypasses the lanes, the undo stack and the tests without a toolkit")
                .check(CLASSES);
    }
}
