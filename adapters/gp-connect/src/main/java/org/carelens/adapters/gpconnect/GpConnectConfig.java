package org.carelens.adapters.gpconnect;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.carelens.adapters.http.ConfigChecks;

/**
 * How to reach one GP practice's GP Connect provider endpoint, and who Carelens is when it calls.
 *
 * @param sourceId the Carelens source id, e.g. {@code gp}; lower-case letters, digits and hyphens
 * @param displayName what users read, e.g. "GP practice (GP Connect)"
 * @param baseUrl the provider's FHIR endpoint root (http or https, no query or fragment); the
 *     operation is posted to {@code {baseUrl}/Patient/$gpc.getstructuredrecord} and the consumer
 *     token's {@code aud} is this URL
 * @param providerOds the practice's ODS code, sent as {@code Ssp-To} (in a live Spine deployment
 *     the value configured here is the provider ASID from the endpoint directory)
 * @param consumerAsid Carelens' own identifier as a consumer, sent as {@code Ssp-From} (its ASID,
 *     or ODS code where no ASID has been issued)
 * @param consumerSystemUrl Carelens' issuer URI: the consumer token's {@code iss}, and the base of
 *     the local identifier systems in its {@code requesting_device} and {@code
 *     requesting_practitioner}
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long the whole exchange (headers and body) may take; a backstop under
 *     the gateway's own deadline
 * @param maxResponseBytes the largest body read; a larger one is reported as a malformed payload
 *     rather than read into memory
 */
public record GpConnectConfig(
    String sourceId,
    String displayName,
    URI baseUrl,
    String providerOds,
    String consumerAsid,
    URI consumerSystemUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes) {

  /** Issuer used by {@link #withDefaults}: identifies Carelens without claiming a real host. */
  public static final URI DEFAULT_CONSUMER_SYSTEM_URL = URI.create("urn:carelens:gateway");

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * GP Connect asks providers to answer within 3 seconds; the adapter allows a little more and
   * leaves the real deadline to the gateway.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  public static final int DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

  public GpConnectConfig {
    baseUrl =
        ConfigChecks.httpSource(
            sourceId, displayName, baseUrl, connectTimeout, requestTimeout, maxResponseBytes);
    ConfigChecks.odsCode(sourceId, "providerOds", providerOds);
    Objects.requireNonNull(consumerAsid, "consumerAsid must not be null");
    Objects.requireNonNull(consumerSystemUrl, "consumerSystemUrl must not be null");
    // Both values travel as HTTP header values: refuse anything that could split a header.
    if (!consumerAsid.matches("[A-Za-z0-9-]{1,36}")) {
      throw new IllegalArgumentException(
          "consumerAsid must be 1 to 36 letters, digits or hyphens, was '%s' (source %s)"
              .formatted(consumerAsid, sourceId));
    }
    if (!consumerSystemUrl.isAbsolute()) {
      throw new IllegalArgumentException(
          "consumerSystemUrl must be an absolute URI, was '%s' (source %s)"
              .formatted(consumerSystemUrl, sourceId));
    }
  }

  /**
   * A configuration with the default issuer, timeouts ({@value #DEFAULT_MAX_RESPONSE_BYTES} bytes,
   * connect {@code PT2S}, request {@code PT5S}).
   */
  public static GpConnectConfig withDefaults(
      String sourceId, String displayName, URI baseUrl, String providerOds, String consumerAsid) {
    return new GpConnectConfig(
        sourceId,
        displayName,
        baseUrl,
        providerOds,
        consumerAsid,
        DEFAULT_CONSUMER_SYSTEM_URL,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** A copy with other timeouts. */
  public GpConnectConfig withTimeouts(Duration connectTimeout, Duration requestTimeout) {
    return new GpConnectConfig(
        sourceId,
        displayName,
        baseUrl,
        providerOds,
        consumerAsid,
        consumerSystemUrl,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }

  /** A copy with another response size limit. */
  public GpConnectConfig withMaxResponseBytes(int maxResponseBytes) {
    return new GpConnectConfig(
        sourceId,
        displayName,
        baseUrl,
        providerOds,
        consumerAsid,
        consumerSystemUrl,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }

  /** The URL the structured-record operation is posted to. */
  public URI operationUrl() {
    return URI.create(baseUrl + "/Patient/$gpc.getstructuredrecord");
  }
}
