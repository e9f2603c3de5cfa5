package org.carelens.gateway.fanout;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carelens.adapters.fhirr4.FhirR4Adapter;
import org.carelens.adapters.fhirr4.FhirR4Config;
import org.carelens.adapters.gpconnect.GpConnectAdapter;
import org.carelens.adapters.gpconnect.GpConnectConfig;
import org.carelens.adapters.gpconnect.GpConnectRouting;
import org.carelens.adapters.mentalhealth.MentalHealthXmlAdapter;
import org.carelens.adapters.mentalhealth.MentalHealthXmlConfig;
import org.carelens.adapters.pds.PdsAdapter;
import org.carelens.adapters.pds.PdsConfig;
import org.carelens.adapters.pharmacy.PharmacyAdapter;
import org.carelens.adapters.pharmacy.PharmacyConfig;
import org.carelens.adapters.socialcare.SocialCareRestAdapter;
import org.carelens.adapters.socialcare.SocialCareRestConfig;
import org.carelens.sdk.spi.SourceAdapter;

/**
 * Builds one adapter per configured source. Adding a source type means one case here and its module
 * on the classpath; an unknown type stops start-up with a message naming the source.
 */
@Singleton
public class SourceAdapters {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SourceAdapters.class);

  private final List<SourceAdapter> adapters;
  private final Map<String, SourceProperties> properties;

  @Inject
  public SourceAdapters(List<SourceProperties> configured) {
    List<SourceProperties> ordered =
        configured.stream()
            .filter(SourceProperties::isEnabled)
            .sorted(Comparator.comparing(SourceProperties::getId))
            .toList();
    this.properties =
        ordered.stream().collect(Collectors.toMap(SourceProperties::getId, Function.identity()));
    this.adapters = new ArrayList<>();
    for (SourceProperties source : ordered) {
      adapters.add(create(source));
    }
    warmUp(adapters);
  }

  /**
   * Warms every adapter at once before the gateway serves: without it the first view after a start
   * spent seconds building FHIR models and timed out at every FHIR source.
   */
  private static void warmUp(List<SourceAdapter> adapters) {
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (SourceAdapter adapter : adapters) {
        executor.submit(
            () -> {
              try {
                adapter.warmUp();
              } catch (RuntimeException e) {
                // A failed warm-up only costs speed; the first fetch will initialise instead.
                LOG.warn(
                    "Warm-up of source {} failed: {}", adapter.descriptor().id(), e.toString());
              }
            });
      }
    }
  }

  /**
   * Adapters built elsewhere (tests, embedding), each with its properties, in the map's iteration
   * order.
   */
  public static SourceAdapters of(Map<SourceAdapter, SourceProperties> configured) {
    return new SourceAdapters(configured);
  }

  /** Adapters built elsewhere (tests, embedding), each with its properties. */
  SourceAdapters(Map<SourceAdapter, SourceProperties> configured) {
    this.adapters = List.copyOf(configured.keySet());
    this.properties =
        configured.values().stream()
            .collect(Collectors.toMap(SourceProperties::getId, Function.identity()));
  }

  List<SourceAdapter> adapters() {
    return List.copyOf(adapters);
  }

  SourceProperties properties(String id) {
    return properties.get(id);
  }

  private static SourceAdapter create(SourceProperties source) {
    return switch (source.getType()) {
      case "gp-connect" -> gpConnect(source);
      case "pds" ->
          new PdsAdapter(
              PdsConfig.withDefaults(
                      source.getId(), source.getName(), java.net.URI.create(source.getUrl()))
                  .withTimeouts(source.getConnectTimeout(), source.getTimeLimit().plusMillis(500)));
      case "mental-health-xml" ->
          new MentalHealthXmlAdapter(
              MentalHealthXmlConfig.withDefaults(
                      source.getId(),
                      source.getName(),
                      java.net.URI.create(source.getUrl()),
                      source.getProviderOds(),
                      source.getApiKey())
                  .withTimeouts(source.getConnectTimeout(), source.getTimeLimit().plusMillis(500)));
      case "social-care-rest" ->
          new SocialCareRestAdapter(
              SocialCareRestConfig.withDefaults(
                      source.getId(),
                      source.getName(),
                      java.net.URI.create(source.getUrl()),
                      source.getProviderOds(),
                      source.getClientId(),
                      source.getClientSecret())
                  .withTimeouts(source.getConnectTimeout(), source.getTimeLimit().plusMillis(500)));
      case "fhir-r4" ->
          new FhirR4Adapter(
              FhirR4Config.withDefaults(
                      source.getId(),
                      source.getName(),
                      java.net.URI.create(source.getUrl()),
                      source.getProviderOds())
                  .withTimeouts(source.getConnectTimeout(), source.getTimeLimit().plusMillis(500)));
      case "community-pharmacy" ->
          new PharmacyAdapter(
              PharmacyConfig.withDefaults(
                      source.getId(),
                      source.getName(),
                      java.net.URI.create(source.getUrl()),
                      source.getProviderOds())
                  .withLimits(source.getTimeLimit().plusMillis(500), 1024 * 1024));
      default ->
          throw new IllegalStateException(
              "carelens.sources.%s.type '%s' is not a known source type (known: gp-connect, pds, fhir-r4, mental-health-xml, social-care-rest, community-pharmacy)"
                  .formatted(source.getId(), source.getType()));
    };
  }

  /**
   * A GP Connect source: with {@code pds-url} and {@code directory-url} set, each patient's
   * registered practice is found through the spine and the endpoint directory; otherwise {@code
   * url} is called for every patient.
   */
  private static SourceAdapter gpConnect(SourceProperties source) {
    GpConnectConfig config =
        GpConnectConfig.withDefaults(
                source.getId(),
                source.getName(),
                java.net.URI.create(source.getUrl()),
                source.getProviderOds(),
                "CARELENS")
            // The adapter's own timeout is only a backstop behind the gateway's time limit.
            .withTimeouts(source.getConnectTimeout(), source.getTimeLimit().plusMillis(500));
    if (source.getPdsUrl().isBlank() && source.getDirectoryUrl().isBlank()) {
      return new GpConnectAdapter(config);
    }
    if (source.getPdsUrl().isBlank() || source.getDirectoryUrl().isBlank()) {
      throw new IllegalStateException(
          "carelens.sources.%s: routing needs both pds-url and directory-url"
              .formatted(source.getId()));
    }
    java.net.URI directory = java.net.URI.create(source.getDirectoryUrl());
    // Issue 10: the directory may only send the NHS number and consumer JWT to configured hosts,
    // over https unless this deployment allows http (the demo does).
    List<String> hosts =
        source.getEndpointHosts().isEmpty()
            ? List.of(directory.getHost())
            : source.getEndpointHosts();
    try {
      return new GpConnectAdapter(
          config,
          new GpConnectRouting(
              java.net.URI.create(source.getPdsUrl()), directory, hosts, source.isAllowHttp()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "carelens.sources.%s.endpoint-hosts: %s".formatted(source.getId(), e.getMessage()), e);
    }
  }
}
