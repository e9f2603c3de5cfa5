package org.carelens.gateway.launch;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of trusted launching systems, by the {@code iss} their tokens name, each with its
 * own keys. Built once at start-up from {@code carelens.launch.issuers.*} (and the single-issuer
 * shorthand); a duplicate {@code iss}, a missing key source or an empty registry stops start-up
 * with a message naming the property.
 */
@Singleton
public class TrustedIssuers {

  private static final Logger LOG = LoggerFactory.getLogger(TrustedIssuers.class);

  /** A trusted issuer with its key source. */
  record Entry(TrustedIssuer issuer, IssuerKeys keys) {}

  private final Map<String, Entry> byIssuer;

  @Inject
  public TrustedIssuers(
      Collection<TrustedIssuerProperties> registry, LaunchProperties settings, Clock clock) {
    this(entries(configured(registry, settings), settings, clock));
  }

  private TrustedIssuers(Map<String, Entry> byIssuer) {
    this.byIssuer = byIssuer;
  }

  /** A registry of exactly {@code issuers}, e.g. for tests. */
  static TrustedIssuers of(List<TrustedIssuer> issuers, LaunchProperties settings, Clock clock) {
    return new TrustedIssuers(entries(issuers, settings, clock));
  }

  private static Map<String, Entry> entries(
      List<TrustedIssuer> issuers, LaunchProperties settings, Clock clock) {
    if (issuers.isEmpty()) {
      throw new IllegalStateException(
          "No trusted launching system is configured: list them under carelens.launch.issuers"
              + " (or set carelens.launch.issuer and jwks-url)");
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (TrustedIssuer issuer : issuers) {
      Entry previous = entries.get(issuer.issuer());
      if (previous != null) {
        throw new IllegalStateException(
            "Trusted issuers '%s' and '%s' both name iss '%s': each launching system needs its own"
                .formatted(previous.issuer().name(), issuer.name(), issuer.issuer()));
      }
      IssuerKeys keys;
      try {
        keys = IssuerKeys.of(issuer.keys(), settings, clock);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            "Trusted issuer '" + issuer.name() + "': " + e.getMessage(), e);
      }
      entries.put(issuer.issuer(), new Entry(issuer, keys));
      LOG.info(
          "Trusting launches from '{}' (iss {}, keys {}, organisations {} of types {}, roles {})",
          issuer.name(),
          issuer.issuer(),
          issuer.keys(),
          issuer.odsCodes(),
          issuer.organisationTypes(),
          issuer.roles());
    }
    return Map.copyOf(entries);
  }

  private static List<TrustedIssuer> configured(
      Collection<TrustedIssuerProperties> registry, LaunchProperties settings) {
    List<TrustedIssuer> issuers = new ArrayList<>();
    registry.stream()
        .sorted(java.util.Comparator.comparing(TrustedIssuerProperties::getName))
        .map(TrustedIssuerProperties::toTrustedIssuer)
        .forEach(issuers::add);
    settings.singleIssuer().ifPresent(issuers::add);
    return issuers;
  }

  /** The issuer whose tokens name {@code iss}, compared exactly (RFC 7519 section 4.1.1). */
  Optional<Entry> find(String iss) {
    return Optional.ofNullable(byIssuer.get(iss));
  }

  /** Every trusted issuer. */
  Collection<Entry> entries() {
    return byIssuer.values();
  }

  /** The trusted issuers, for display and tests. */
  public List<TrustedIssuer> all() {
    return byIssuer.values().stream().map(Entry::issuer).toList();
  }
}
