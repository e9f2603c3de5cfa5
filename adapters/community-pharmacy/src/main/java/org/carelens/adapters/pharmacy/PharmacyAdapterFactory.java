package org.carelens.adapters.pharmacy;

import org.carelens.adapters.http.HttpSourceSettings;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;

/**
 * Source type {@code community-pharmacy}: a pharmacy's dispensing API. Settings: {@code url},
 * {@code provider-ods} (the pharmacy's ODS code), and the gateway's {@code name} and {@code
 * time-limit}.
 */
public final class PharmacyAdapterFactory implements SourceAdapterFactory {

  /** The largest dispensing record read; a bigger body is a malformed payload. */
  static final int MAX_RESPONSE_BYTES = 1024 * 1024;

  @Override
  public String type() {
    return "community-pharmacy";
  }

  @Override
  public SourceAdapter create(SourceConfig config) {
    return new PharmacyAdapter(
        HttpSourceSettings.checked(
            config,
            () ->
                PharmacyConfig.withDefaults(
                        config.sourceId(),
                        config.displayName(),
                        config.uri("url"),
                        config.string("provider-ods"))
                    .withLimits(HttpSourceSettings.requestTimeout(config), MAX_RESPONSE_BYTES)));
  }
}
