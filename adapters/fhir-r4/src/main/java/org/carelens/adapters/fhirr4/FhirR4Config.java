package org.carelens.adapters.fhirr4;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.carelens.adapters.http.ConfigChecks;

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
    baseUrl =
        ConfigChecks.httpSource(
            sourceId, displayName, baseUrl, connectTimeout, requestTimeout, maxResponseBytes);
    ConfigChecks.odsCode(sourceId, "organisationOds", organisationOds);
    Objects.requireNonNull(organisationName, "use Optional.empty() for no organisation name");
    ConfigChecks.positive(sourceId, "maxPages", maxPages);
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
}
