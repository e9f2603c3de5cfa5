package org.carelens.adapters.careplans;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "org.carelens.adapters.careplans",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule adapter_uses_no_framework =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micronaut..", "jakarta.inject..", "org.springframework..");

  @ArchTest
  static final ArchRule adapter_reaches_the_gateway_only_through_the_sdk =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.carelens.gateway..", "org.carelens.policy..", "org.carelens.simulators..");

  @ArchTest
  static final ArchRule the_mapping_does_not_depend_on_the_public_adapter_classes =
      noClasses()
          .that()
          .resideInAPackage("..careplans.internal..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.carelens.adapters.careplans");
}
