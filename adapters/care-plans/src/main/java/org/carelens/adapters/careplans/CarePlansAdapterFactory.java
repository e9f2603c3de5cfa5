package org.carelens.adapters.careplans;

import org.carelens.adapters.http.HttpSourceSettings;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;

/**
 * Source type {@code care-plans}: an NRL-style pointer service for care plans. Settings: {@code
 * url} (the FHIR R4 base URL), {@code provider-ods} (who runs the service), optional {@code
 * max-response-bytes}, and the gateway's {@code name}, {@code time-limit} and {@code
 * connect-timeout}:
 *
 * <pre>
 * carelens.sources.care-plans:
 *   type: care-plans
 *   name: Care plans (National Record Locator)
 *   url: http://localhost:8099
 *   provider-ods: X26
 * </pre>
 */
public final class CarePlansAdapterFactory implements SourceAdapterFactory {

  @Override
  public String type() {
    return "care-plans";
  }

  @Override
  public SourceAdapter create(SourceConfig config) {
    return new CarePlansAdapter(
        HttpSourceSettings.checked(
            config,
            () ->
                CarePlansConfig.withDefaults(
                        config.sourceId(),
                        config.displayName(),
                        config.uri("url"),
                        config.string("provider-ods"))
                    .withTimeouts(
                        HttpSourceSettings.connectTimeout(config),
                        HttpSourceSettings.requestTimeout(config))
                    .withMaxResponseBytes(
                        config
                            .optionalPositiveInt("max-response-bytes")
                            .orElse(CarePlansConfig.DEFAULT_MAX_RESPONSE_BYTES))));
  }
}
