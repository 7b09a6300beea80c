package org.refusalworkbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.sql.DriverManager;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.LayerException;

/**
 * The database is reached only through storage, so a second store can take SQLite's place behind it. A class that
 * must cross says why with {@link LayerException}.
 */
class StorageBoundaryTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.refusalworkbench");

    @Test
    void onlyStorageDependsOnJdbcOrTheSqliteDriver() {
        noClasses().that().resideOutsideOfPackage("org.refusalworkbench.storage..")
                .and().areNotAnnotatedWith(LayerException.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("SQL, connections and transactions belong to storage: a PostgreSQL store can then implement"
                        + " the same storage API, and no other layer changes with the database")
                .check(CLASSES);
    }

    @Test
    void onlyStorageOpensConnections() {
        noClasses().that().resideOutsideOfPackage("org.refusalworkbench.storage..")
                .and().areNotAnnotatedWith(LayerException.class)
                .should().callMethodWhere(DescribedPredicate.describe("the target is java.sql.DriverManager",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(DriverManager.class)))
                .because("a connection opened elsewhere would skip the project lock, the lock waits and the one"
                        + " writer path that storage sets up for every connection")
                .check(CLASSES);
    }
}
