package org.carelens.adapters.fhirr4;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one acute trust's UK Core FHIR R4 API.
 *
 * @param sourceId the Carelens source id, e.g. {@code acute}; lower-case letters, digits and
 *     hyphens
 * @param displayName what users read, e.g. "Riverside University Hospitals (FHIR R4)"
 * @param baseUrl the FHIR base (http or https, no query or fragment); searches go to {@code
 *     {baseUrl}/{ResourceType}?...}
 * @param organisationOds the trust's ODS code, e.g. {@code RXX}: the recording organisation of
 *     items that name no other
 * @param organisationName the trust's name, where configured
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long all the searches of one fetch (every page, bodies included) may
 *     take together; a backstop under the gateway's own deadline
 * @param maxResponseBytes the largest body read per search page; a larger one is reported as a
 *     malformed payload rather than read into memory
 * @param maxPages the most pages followed per search ({@code Bundle.link} "next"); a search with
 *     more is reported unavailable rather than shown incomplete
 */
public record FhirR4Config(
    String sourceId,
    String displayName,
    URI baseUrl,
    String organisationOds,
    Optional<String> organisationName,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes,
    int maxPages) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
  public static final int DEFAULT_MAX_PAGES = 20;

  public FhirR4Config {
    Objects.requireNonNull(sourceId, "sourceId must not be null");
    Objects.requireNonNull(displayName, "displayName must not be null");
    Objects.requireNonNull(baseUrl, "baseUrl must not be null");
    Objects.requireNonNull(organisationOds, "organisationOds must not be null");
    Objects.requireNonNull(organisationName, "use Optional.empty() for no organisation name");
    Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
    Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
    if (!sourceId.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "sourceId must be lower-case letters, digits and hyphens, starting with a letter, was '"
              + sourceId
              + "'");
    }
    if (displayName.isBlank()) {
      throw new IllegalArgumentException("displayName must not be blank (source " + sourceId + ")");
    }
    baseUrl = checkedBaseUrl(sourceId, baseUrl);
    if (!organisationOds.matches("[A-Z0-9]{3,10}")) {
      throw new IllegalArgumentException(
          "organisationOds must be an ODS code of 3 to 10 upper-case letters or digits, was '%s' (source %s)"
              .formatted(organisationOds, sourceId));
    }
    requirePositive(sourceId, "connectTimeout", connectTimeout);
    requirePositive(sourceId, "requestTimeout", requestTimeout);
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be positive, was %d (source %s)"
              .formatted(maxResponseBytes, sourceId));
    }
    if (maxPages < 1) {
      throw new IllegalArgumentException(
          "maxPages must be at least 1, was %d (source %s)".formatted(maxPages, sourceId));
    }
  }

  /**
   * A configuration with the default timeouts (connect {@code PT2S}, all searches {@code PT5S}),
   * {@value #DEFAULT_MAX_RESPONSE_BYTES} bytes per page and {@value #DEFAULT_MAX_PAGES} pages.
   */
  public static FhirR4Config withDefaults(
      String sourceId, String displayName, URI baseUrl, String organisationOds) {
    return new FhirR4Config(
        sourceId,
        displayName,
        baseUrl,
        organisationOds,
        Optional.empty(),
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES,
        DEFAULT_MAX_PAGES);
  }

  /** A copy naming the trust. */
  public FhirR4Config withOrganisationName(String name) {
    return new FhirR4Config(
        sourceId,
        displayName,
        baseUrl,
        organisationOds,
        Optional.of(name),
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        maxPages);
  }

  /** A copy with other timeouts. */
  public FhirR4Config withTimeouts(Duration connectTimeout, Duration requestTimeout) {
    return new FhirR4Config(
        sourceId,
        displayName,
        baseUrl,
        organisationOds,
        organisationName,
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        maxPages);
  }

  /** A copy with other size limits. */
  public FhirR4Config withLimits(int maxResponseBytes, int maxPages) {
    return new FhirR4Config(
        sourceId,
        displayName,
        baseUrl,
        organisationOds,
        organisationName,
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        maxPages);
  }

  private static URI checkedBaseUrl(String sourceId, URI baseUrl) {
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http or https URL, was '%s' (source %s)"
              .formatted(baseUrl, sourceId));
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl must name a host, was '%s' (source %s)".formatted(baseUrl, sourceId));
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must be the FHIR base without query or fragment, was '%s' (source %s)"
              .formatted(baseUrl, sourceId));
    }
    String text = baseUrl.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
  }

  private static void requirePositive(String sourceId, String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "%s must be positive, was %s (source %s)".formatted(name, value, sourceId));
    }
  }
}
