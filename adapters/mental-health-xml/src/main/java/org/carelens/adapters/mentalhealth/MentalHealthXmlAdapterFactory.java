package org.carelens.adapters.mentalhealth;

import org.carelens.adapters.http.HttpSourceSettings;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;

/**
 * Source type {@code mental-health-xml}: a RiO-style XML API. Settings: {@code url}, {@code
 * provider-ods} (the trust's ODS code), {@code api-key} (a secret, sent as {@code X-Api-Key}), and
 * the gateway's {@code name}, {@code time-limit} and {@code connect-timeout}.
 */
public final class MentalHealthXmlAdapterFactory implements SourceAdapterFactory {

  @Override
  public String type() {
    return "mental-health-xml";
  }

  @Override
  public SourceAdapter create(SourceConfig config) {
    return new MentalHealthXmlAdapter(
        HttpSourceSettings.checked(
            config,
            () ->
                MentalHealthXmlConfig.withDefaults(
                        config.sourceId(),
                        config.displayName(),
                        config.uri("url"),
                        config.string("provider-ods"),
                        config.secret("api-key"))
                    .withTimeouts(
                        HttpSourceSettings.connectTimeout(config),
                        HttpSourceSettings.requestTimeout(config))));
  }
}
