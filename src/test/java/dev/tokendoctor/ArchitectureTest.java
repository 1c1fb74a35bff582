package dev.tokendoctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package-by-feature layout, as allowlists: who may touch the outside world, and no cycles. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.tokendoctor");
  }

  @Test
  void featuresDoNotDependOnEachOtherInCycles() {
    slices().matching("dev.tokendoctor.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void factsAreTheVocabularyAndDependOnNothingElse() {
    noClasses().that().resideInAPackage("dev.tokendoctor.facts..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tokendoctor.(*)..")
        .andShould().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "software.amazon..")
        .check(classes);
  }

  @Test
  void onlyTheCommandLinePrintsOrExits() {
    // Besides the command line, only the entry points the build and the benchmarks run (never users).
    noClasses().that().resideOutsideOfPackage("dev.tokendoctor.cli..")
        .and().doNotHaveFullyQualifiedName("dev.tokendoctor.engine.PrecompileRules")
        .and().doNotHaveFullyQualifiedName("dev.tokendoctor.batch.BatchBenchmark")
        .and().doNotHaveFullyQualifiedName("dev.tokendoctor.batch.RuleCostReport")
        .and().doNotHaveFullyQualifiedName("dev.tokendoctor.startup.TrainingRun")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().callMethod(System.class, "exit", int.class)
        .check(classes);
  }

  @Test
  void onlyCollectorsReadTheRealEnvironment() {
    noClasses().that().resideOutsideOfPackages("dev.tokendoctor.collect..", "dev.tokendoctor.cli..")
        .should().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .check(classes);
  }

  @Test
  void diagnosingNeedsNoAwsSdk() {
    // diagnose, rules and batch start without loading the SDK; only collectors talk to AWS.
    noClasses().that().resideInAnyPackage("dev.tokendoctor.engine..", "dev.tokendoctor.bundle..",
            "dev.tokendoctor.diagnosis..", "dev.tokendoctor.report..", "dev.tokendoctor.scenario..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
        .check(classes);
  }
}
