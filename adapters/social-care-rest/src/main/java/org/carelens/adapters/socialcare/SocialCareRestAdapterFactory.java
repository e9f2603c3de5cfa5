package org.carelens.adapters.socialcare;

import org.carelens.adapters.http.HttpSourceSettings;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;

/**
 * Source type {@code social-care-rest}: a council's case-management JSON API with OAuth2 client
 * credentials. Settings: {@code url}, {@code provider-ods} (the council's code), {@code client-id},
 * {@code client-secret} (a secret), and the gateway's {@code name}, {@code time-limit} and {@code
 * connect-timeout}.
 */
public final class SocialCareRestAdapterFactory implements SourceAdapterFactory {

  @Override
  public String type() {
    return "social-care-rest";
  }

  @Override
  public SourceAdapter create(SourceConfig config) {
    return new SocialCareRestAdapter(
        HttpSourceSettings.checked(
            config,
            () ->
                SocialCareRestConfig.withDefaults(
                        config.sourceId(),
                        config.displayName(),
                        config.uri("url"),
                        config.string("provider-ods"),
                        config.string("client-id"),
                        config.secret("client-secret"))
                    .withTimeouts(
                        HttpSourceSettings.connectTimeout(config),
                        HttpSourceSettings.requestTimeout(config))));
  }
}
