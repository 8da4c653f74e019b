package org.studysupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ANNOTATIONS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of the build: {@code command} and {@code query} meet only through the
 * {@code api} messages; {@code api} is plain Java with Axon's annotations at most; neither side knows
 * the application module (HTTP, security, configuration, demo data).
 */
@AnalyzeClasses(packages = "org.studysupport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] APPLICATION_MODULE = {
            "org.studysupport.web..", "org.studysupport.security..", "org.studysupport.application..",
            "org.studysupport.config..", "org.studysupport.demo..", "org.studysupport.messaging..",
            "org.studysupport.reference..", "org.studysupport.audit..", "org.studysupport.notification.."};

    @ArchTest
    static final ArchRule writeSideDoesNotDependOnReadSide = noClasses()
            .that().resideInAPackage("org.studysupport.command..")
            .should().dependOnClassesThat().resideInAPackage("org.studysupport.query..");

    @ArchTest
    static final ArchRule readSideDoesNotDependOnWriteSide = noClasses()
            .that().resideInAPackage("org.studysupport.query..")
            .should().dependOnClassesThat().resideInAPackage("org.studysupport.command..");

    @ArchTest
    static final ArchRule messagesDependOnNeitherSideNorOnSpring = noClasses()
            .that().resideInAPackage("org.studysupport.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.studysupport.command..", "org.studysupport.query..", "org.springframework..");

    @ArchTest
    static final ArchRule messagesUseNothingOfAxonButItsAnnotations = classes()
            .that().resideInAPackage("org.studysupport.api..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.studysupport.api..")
                    .or(resideInAPackage("org.axonframework..").and(ANNOTATIONS)));

    @ArchTest
    static final ArchRule messagesDoNotDependOnTheApplicationModule = noClasses()
            .that().resideInAPackage("org.studysupport.api..")
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION_MODULE);

    @ArchTest
    static final ArchRule writeAndReadSidesDoNotDependOnTheApplicationModule = noClasses()
            .that().resideInAnyPackage("org.studysupport.command..", "org.studysupport.query..")
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION_MODULE)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.studysupport.StudySupportApplication");

    @ArchTest
    static void everyModuleIsImported(JavaClasses imported) {
        // Guards against rules passing vacuously because a module's classes were not on the path.
        assertThat(imported.containPackage("org.studysupport.api.request")).isTrue();
        assertThat(imported.containPackage("org.studysupport.command.request")).isTrue();
        assertThat(imported.containPackage("org.studysupport.query.request")).isTrue();
        assertThat(imported.containPackage("org.studysupport.web.request")).isTrue();
        assertThat(imported.contain("org.studysupport.command.request.SupportRequest")).isTrue();
    }
}
