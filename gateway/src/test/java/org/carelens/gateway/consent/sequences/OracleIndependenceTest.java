package org.carelens.gateway.consent.sequences;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The oracle must reach its answers on its own: a rule it borrowed from the policy module, or a
 * reading of the agreement it borrowed from the policy's loader, would agree with the code under
 * test however wrong that code is.
 */
class OracleIndependenceTest {

  static final String ORACLE = "org.carelens.gateway.consent.oracle";

  final JavaClasses oracle = new ClassFileImporter().importPackages(ORACLE);

  @Test
  void the_oracle_imports_nothing_from_the_policy_module() {
    noClasses()
        .that()
        .resideInAPackage(ORACLE + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.carelens.policy..")
        .check(oracle);
  }

  @Test
  void the_oracle_depends_on_nothing_but_the_jdk_and_snakeyaml() {
    classes()
        .that()
        .resideInAPackage(ORACLE + "..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(ORACLE + "..", "java..", "org.yaml.snakeyaml..", "org.jspecify..")
        .check(oracle);
  }
}
