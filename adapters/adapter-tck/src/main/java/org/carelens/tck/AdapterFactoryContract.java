package org.carelens.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;
import org.carelens.sdk.spi.SourceConfigException;
import org.junit.jupiter.api.Test;

/**
 * What every adapter's {@link SourceAdapterFactory} must do, for the gateway to build its sources
 * from configuration alone (issue 12): be found by {@link ServiceLoader} under its type, turn a
 * source's settings into an adapter with the configured id and name, and refuse a bad URL naming
 * the full setting. An adapter's test extends this with its own settings and adds checks for its
 * own keys.
 */
public abstract class AdapterFactoryContract {

  /** The source id the checks configure. */
  protected static final String SOURCE_ID = "configured-source";

  /** A new factory of the adapter under test. */
  protected abstract SourceAdapterFactory factory();

  /**
   * Settings for a valid source of this type, as under {@code carelens.sources.<id>}: must include
   * {@code url} and {@code name: Configured name}; a new, mutable map each call.
   */
  protected abstract Map<String, String> settings();

  /** The organisation ODS code the adapter's descriptor reports for {@link #settings()}. */
  protected abstract String expectedOrganisationOds();

  @Test
  void the_gateway_finds_the_factory_by_its_type_through_the_service_loader() {
    String type = factory().type();

    SourceAdapterFactory found =
        ServiceLoader.load(SourceAdapterFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.type().equals(type))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no factory of type " + type + " on the path"));

    assertThat(found).isInstanceOf(factory().getClass());
  }

  @Test
  void a_configured_source_becomes_an_adapter_with_its_id_and_name() {
    try (SourceAdapter adapter = factory().create(SourceConfig.of(SOURCE_ID, settings()))) {

      assertThat(adapter.descriptor().id()).isEqualTo(SOURCE_ID);
      assertThat(adapter.descriptor().name()).isEqualTo("Configured name");
      assertThat(adapter.descriptor().organisationOds()).isEqualTo(expectedOrganisationOds());
    }
  }

  @Test
  void a_url_that_is_not_one_is_refused_naming_the_setting() {
    Map<String, String> settings = settings();
    settings.put("url", "not a url");

    assertThatThrownBy(() -> factory().create(SourceConfig.of(SOURCE_ID, settings)))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageStartingWith(
            "carelens.sources." + SOURCE_ID + ".url: not an absolute http(s) URI");
  }
}
