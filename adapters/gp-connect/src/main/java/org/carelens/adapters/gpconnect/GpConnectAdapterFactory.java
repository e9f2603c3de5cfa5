package org.carelens.adapters.gpconnect;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.carelens.adapters.http.HttpSourceSettings;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;
import org.carelens.sdk.spi.SourceConfigException;

/**
 * Source type {@code gp-connect}: GP Connect Access Record: Structured 1.6. Settings:
 *
 * <ul>
 *   <li>{@code url}, {@code provider-ods}: the provider's FHIR endpoint and ODS code, called for
 *       every patient unless routing is set;
 *   <li>{@code pds-url} and {@code directory-url} (both or neither): route each patient to their
 *       registered practice, found through the spine and the endpoint directory, as a real GP
 *       Connect consumer does;
 *   <li>{@code endpoint-hosts} (comma-separated; empty: the directory's own host) and {@code
 *       allow-http} ({@code false}): where the directory may send the NHS number and consumer JWT;
 *   <li>the gateway's {@code name}, {@code time-limit} and {@code connect-timeout}.
 * </ul>
 */
public final class GpConnectAdapterFactory implements SourceAdapterFactory {

  /** The consumer ASID the gateway presents; a real deployment is issued its own by NHS England. */
  static final String CONSUMER_ASID = "CARELENS";

  @Override
  public String type() {
    return "gp-connect";
  }

  @Override
  public SourceAdapter create(SourceConfig config) {
    GpConnectConfig gpConnect =
        HttpSourceSettings.checked(
            config,
            () ->
                GpConnectConfig.withDefaults(
                        config.sourceId(),
                        config.displayName(),
                        config.uri("url"),
                        config.string("provider-ods"),
                        CONSUMER_ASID)
                    // The adapter's own timeout is only a backstop behind the gateway's time limit.
                    .withTimeouts(
                        HttpSourceSettings.connectTimeout(config),
                        HttpSourceSettings.requestTimeout(config)));
    Optional<URI> pds = config.optionalUri("pds-url");
    Optional<URI> directory = config.optionalUri("directory-url");
    if (pds.isEmpty() && directory.isEmpty()) {
      return new GpConnectAdapter(gpConnect);
    }
    if (pds.isEmpty() || directory.isEmpty()) {
      throw config.invalid("routing needs both pds-url and directory-url");
    }
    // Issue 10: the directory may only send the NHS number and consumer JWT to configured hosts,
    // over https unless this deployment allows http (the demo does).
    List<String> hosts = config.list("endpoint-hosts");
    if (hosts.isEmpty()) {
      hosts = List.of(directory.get().getHost());
    }
    GpConnectRouting routing;
    try {
      routing =
          new GpConnectRouting(pds.get(), directory.get(), hosts, config.flag("allow-http", false));
    } catch (SourceConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw config.invalid("endpoint-hosts", String.valueOf(e.getMessage()));
    }
    return new GpConnectAdapter(gpConnect, routing);
  }
}
