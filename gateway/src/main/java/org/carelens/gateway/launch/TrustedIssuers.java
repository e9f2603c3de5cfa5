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
 *
 * <p>Launching systems and identity providers ({@link TrustedIssuer.Kind}) are kept apart: a launch
 * token is verified only against launching systems and an ID token only against identity providers,
 * so one kind's keys never verify the other's tokens, even where (as in the demo) both share an
 * {@code iss}.
 */
@Singleton
public class TrustedIssuers {

  private static final Logger LOG = LoggerFactory.getLogger(TrustedIssuers.class);

  /** A trusted issuer with its key source. */
  record Entry(TrustedIssuer issuer, IssuerKeys keys) {}

  private final Map<String, Entry> byIssuer;
  private final Map<String, Entry> providers;

  @Inject
  public TrustedIssuers(
      Collection<TrustedIssuerProperties> registry, LaunchProperties settings, Clock clock) {
    this(configured(registry, settings), settings, clock);
  }

  private TrustedIssuers(List<TrustedIssuer> issuers, LaunchProperties settings, Clock clock) {
    this.byIssuer =
        entries(
            issuers.stream().filter(i -> i.kind() == TrustedIssuer.Kind.LAUNCH).toList(),
            settings,
            clock,
            true);
    this.providers =
        entries(
            issuers.stream().filter(i -> i.kind() == TrustedIssuer.Kind.OIDC).toList(),
            settings,
            clock,
            false);
  }

  /** A registry of exactly {@code issuers}, e.g. for tests. */
  static TrustedIssuers of(List<TrustedIssuer> issuers, LaunchProperties settings, Clock clock) {
    return new TrustedIssuers(issuers, settings, clock);
  }

  private static Map<String, Entry> entries(
      List<TrustedIssuer> issuers, LaunchProperties settings, Clock clock, boolean required) {
    if (issuers.isEmpty() && required) {
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
          (issuer.kind() == TrustedIssuer.Kind.OIDC ? "Trusting sign-in" : "Trusting launches")
              + " from '{}' (iss {}, keys {}, organisations {} of types {}, roles {})",
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

  /** Every trusted launching system. */
  Collection<Entry> entries() {
    return byIssuer.values();
  }

  /** The identity provider whose ID tokens name {@code iss}, compared exactly. */
  Optional<Entry> findProvider(String iss) {
    return Optional.ofNullable(providers.get(iss));
  }

  /**
   * For each trusted issuer of either kind, by name, whether its keys can be had now ({@link
   * IssuerKeys#available}); may fetch keys whose cache has expired.
   */
  public Map<String, Boolean> keysAvailable() {
    Map<String, Boolean> available = new java.util.TreeMap<>();
    java.util.stream.Stream.concat(byIssuer.values().stream(), providers.values().stream())
        .forEach(e -> available.put(e.issuer().name(), e.keys().available()));
    return available;
  }

  /** The trusted issuers of both kinds, for display and tests. */
  public List<TrustedIssuer> all() {
    return java.util.stream.Stream.concat(byIssuer.values().stream(), providers.values().stream())
        .map(Entry::issuer)
        .toList();
  }
}
