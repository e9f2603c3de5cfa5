package org.carelens.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "org.carelens.policy",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PolicyArchitectureTest {

  @ArchTest
  static final ArchRule policy_depends_on_nothing_but_the_sdk_model_the_jdk_and_a_yaml_parser =
      classes()
          .that()
          .resideInAPackage("org.carelens.policy..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "org.carelens.policy..",
              "org.carelens.sdk.model..",
              "java..",
              "org.jspecify..",
              "org.yaml.snakeyaml..");

  @ArchTest
  static final ArchRule only_the_agreement_loader_parses_yaml =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.carelens.policy.agreement..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.yaml..");

  @ArchTest
  static final ArchRule policy_does_no_io =
      noClasses()
          .that()
          .resideInAPackage("org.carelens.policy..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..");
}
