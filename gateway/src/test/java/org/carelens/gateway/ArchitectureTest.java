package org.carelens.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.carelens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule gateway_feature_packages_have_no_cycles =
      slices().matching("org.carelens.gateway.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule adapters_depend_only_on_the_sdk_not_on_the_gateway_or_policy =
      noClasses()
          .that()
          .resideInAPackage("org.carelens.adapters..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.carelens.gateway..", "org.carelens.policy..", "io.micronaut..");

  /**
   * Issue 12: adapters are plug-ins found through {@code SourceAdapterFactory}; the gateway names
   * none, so a new source type is a new jar and configuration.
   */
  @ArchTest
  static final ArchRule the_gateway_imports_no_adapter_module =
      noClasses()
          .that()
          .resideInAPackage("org.carelens.gateway..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.carelens.adapters..");

  @ArchTest
  static final ArchRule the_sdk_holds_no_framework_or_library_types =
      noClasses()
          .that()
          .resideInAPackage("org.carelens.sdk..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.micronaut..",
              "ca.uhn..",
              "org.hl7..",
              "com.github.tomakehurst..",
              "com.fasterxml..");

  @ArchTest
  static final ArchRule merge_is_pure_and_knows_nothing_of_http =
      noClasses()
          .that()
          .resideInAPackage("org.carelens.gateway.merge..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micronaut..", "java.net..");

  @ArchTest
  static final ArchRule controller_endpoints_that_reach_the_database_run_on_the_blocking_executor =
      DatabaseOnBlockingExecutor.RULE;
}
