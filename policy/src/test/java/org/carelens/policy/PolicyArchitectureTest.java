package org.carelens.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "org.carelens.policy",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PolicyArchitectureTest {

  @ArchTest
  static final ArchRule policy_depends_on_nothing_but_the_sdk_model_and_the_jdk =
      classes()
          .that()
          .resideInAPackage("org.carelens.policy..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "org.carelens.policy..", "org.carelens.sdk.model..", "java..", "org.jspecify..");
}
