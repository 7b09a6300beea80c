package org.refusalworkbench.agreement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class AgreementPackageDependenciesTest {

    @Test
    void agreementEngineDependsOnlyOnTheJdk() {
        JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.refusalworkbench.agreement");
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("org.refusalworkbench.agreement..", "java..")
                .check(engine);
    }
}
