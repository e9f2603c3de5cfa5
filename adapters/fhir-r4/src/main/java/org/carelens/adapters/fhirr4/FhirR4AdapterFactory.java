package org.carelens.adapters.fhirr4;

import org.carelens.adapters.http.HttpSourceSettings;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;

/**
 * Source type {@code fhir-r4}: an acute trust's UK Core FHIR R4 API. Settings: {@code url} (the
 * FHIR base URL), {@code provider-ods} (the trust's ODS code), and the gateway's {@code name},
 * {@code time-limit} and {@code connect-timeout}.
 */
public final class FhirR4AdapterFactory implements SourceAdapterFactory {

  @Override
  public String type() {
    return "fhir-r4";
  }

  @Override
  public SourceAdapter create(SourceConfig config) {
    return new FhirR4Adapter(
        HttpSourceSettings.checked(
            config,
            () ->
                FhirR4Config.withDefaults(
                        config.sourceId(),
                        config.displayName(),
                        config.uri("url"),
                        config.string("provider-ods"))
                    .withTimeouts(
                        HttpSourceSettings.connectTimeout(config),
                        HttpSourceSettings.requestTimeout(config))));
  }
}
