package org.carelens.adapters.pds;

import org.carelens.adapters.http.HttpSourceSettings;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;

/**
 * Source type {@code pds}: the demographics spine. Settings: {@code url} (the FHIR R4 base URL),
 * and the gateway's {@code name}, {@code time-limit} and {@code connect-timeout}.
 */
public final class PdsAdapterFactory implements SourceAdapterFactory {

  @Override
  public String type() {
    return "pds";
  }

  @Override
  public SourceAdapter create(SourceConfig config) {
    return new PdsAdapter(
        HttpSourceSettings.checked(
            config,
            () ->
                PdsConfig.withDefaults(config.sourceId(), config.displayName(), config.uri("url"))
                    .withTimeouts(
                        HttpSourceSettings.connectTimeout(config),
                        HttpSourceSettings.requestTimeout(config))));
  }
}
