package org.carelens.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URI;
import java.time.Duration;
import org.carelens.sdk.spi.SourceAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The architecture rules every adapter keeps, checked on the adapter's own main classes (its
 * package and those below it, found from the adapter the provider creates): it uses no dependency
 * injection framework, reaches the gateway only through the SDK, keeps its {@code internal} package
 * free of its public classes, and (for adapters built on {@code adapter-http}) sends HTTP only
 * through the toolkit, so deadlines, body limits and cancellation are the same everywhere.
 *
 * <p>Run it through {@link AdapterTck}, like {@link AdapterConformanceTests}: one suite class
 * selects both.
 */
@ExtendWith(AdapterTck.class)
public class AdapterArchitectureTests {

  private final AdapterTckProvider provider;
  private String adapterPackage = "";
  private JavaClasses classes = new ClassFileImporter().importClasses();

  public AdapterArchitectureTests(AdapterTckProvider provider) {
    this.provider = provider;
  }

  @BeforeEach
  void importTheAdaptersClasses() {
    try (SourceAdapter adapter =
        provider.create(
            new TckSource(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1), 1024))) {
      adapterPackage = adapter.getClass().getPackageName();
    }
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(adapterPackage);
  }

  @Test
  void the_adapter_uses_no_framework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micronaut..", "jakarta.inject..", "org.springframework..")
        .check(classes);
  }

  @Test
  void the_adapter_reaches_the_gateway_only_through_the_sdk() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.carelens.gateway..", "org.carelens.policy..", "org.carelens.simulators..")
        .check(classes);
  }

  @Test
  void the_adapters_internal_package_does_not_depend_on_its_public_classes() {
    noClasses()
        .that()
        .resideInAPackage(adapterPackage + ".internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(adapterPackage)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void the_adapter_sends_http_only_through_the_toolkit() {
    assumeTrue(provider.usesHttpToolkit(), "the adapter does not use adapter-http");

    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.http.HttpClient")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.carelens.adapters.http.BoundedBody")
        .because(
            "org.carelens.adapters.http.SourceHttpClient bounds every exchange by the fetch's"
                + " deadline and body limit and cancels it on interruption")
        .check(classes);
  }
}
