package org.msapp.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rings of DESIGN.md section 1, on the production classes of every module. */
@AnalyzeClasses(packages = "org.msapp", importOptions = ArchitectureTest.ProductionCode.class)
class ArchitectureTest {

    /** Leaves out test classes, whether from a test-classes folder or from a module's test jar. */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule domain_depends_on_the_jdk_alone = classes()
            .that().resideInAPackage("org.msapp.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.msapp.domain..", "java..");

    @ArchTest
    static final ArchRule application_depends_on_the_domain_alone = classes()
            .that().resideInAPackage("org.msapp.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.msapp.application..", "org.msapp.domain..", "java..");

    @ArchTest
    static final ArchRule adapters_never_depend_on_each_other = slices()
            .matching("org.msapp.adapters.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule http_calls_use_cases_never_outbound_ports = noClasses()
            .that().resideInAPackage("org.msapp.adapters.http..")
            .should().dependOnClassesThat().resideInAPackage("org.msapp.application.port..");

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = noClasses()
            .that().resideOutsideOfPackage("org.msapp.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("org.msapp.bootstrap..");

    @ArchTest
    static final ArchRule only_bootstrap_chooses_the_in_memory_adapters = noClasses()
            .that().resideInAnyPackage("org.msapp.application..", "org.msapp.adapters..")
            .and().resideOutsideOfPackage("org.msapp.application.memory..")
            .should().dependOnClassesThat().resideInAPackage("org.msapp.application.memory..");

    @ArchTest
    static final ArchRule no_test_double_is_production_code = classes()
            .that().resideInAPackage("org.msapp..")
            .should().haveSimpleNameNotContaining("Fake")
            .andShould().haveSimpleNameNotContaining("Fast")
            .andShould().haveSimpleNameNotContaining("Recording");

    @ArchTest
    static final ArchRule no_package_cycles = slices()
            .matching("org.msapp.(**)")
            .should().beFreeOfCycles();
}
