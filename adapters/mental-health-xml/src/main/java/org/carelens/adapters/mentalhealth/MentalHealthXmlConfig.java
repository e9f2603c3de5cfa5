package org.carelens.adapters.mentalhealth;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.carelens.sdk.model.NhsNumber;

/**
 * How to reach the mental health trust's XML API.
 *
 * @param sourceId the Carelens source id, e.g. {@code mental-health}
 * @param displayName what users read, e.g. "Mental health trust (RiO)"
 * @param baseUrl the API root (http or https, no query or fragment); the summary is read from
 *     {@code {baseUrl}/rio/api/v2/clients/{nhsNumber}/summary}
 * @param trustOds the trust's ODS code, e.g. {@code RXY}; the recording organisation when the
 *     document does not name one
 * @param apiKey sent as {@code X-Api-Key}; never printed by {@link #toString()}
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long the whole exchange (headers and body) may take
 * @param maxResponseBytes the largest body read; a larger one is a malformed payload
 */
public record MentalHealthXmlConfig(
    String sourceId,
    String displayName,
    URI baseUrl,
    String trustOds,
    String apiKey,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

  public MentalHealthXmlConfig {
    Objects.requireNonNull(sourceId, "sourceId must not be null");
    Objects.requireNonNull(displayName, "displayName must not be null");
    Objects.requireNonNull(baseUrl, "baseUrl must not be null");
    Objects.requireNonNull(trustOds, "trustOds must not be null");
    Objects.requireNonNull(apiKey, "apiKey must not be null");
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
    if (!trustOds.matches("[A-Z0-9]{3,10}")) {
      throw new IllegalArgumentException(
          "trustOds must be an ODS code of 3 to 10 upper-case letters or digits, was '%s' (source %s)"
              .formatted(trustOds, sourceId));
    }
    // The key travels as a header value: refuse anything that could split a header, and say
    // nothing of its content.
    if (apiKey.isBlank() || !apiKey.matches("[\\x21-\\x7E]{1,256}")) {
      throw new IllegalArgumentException(
          "apiKey must be 1 to 256 printable ASCII characters without spaces (source %s)"
              .formatted(sourceId));
    }
    requirePositive(sourceId, "connectTimeout", connectTimeout);
    requirePositive(sourceId, "requestTimeout", requestTimeout);
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be positive, was %d (source %s)"
              .formatted(maxResponseBytes, sourceId));
    }
  }

  /** A configuration with default timeouts and size limit. */
  public static MentalHealthXmlConfig withDefaults(
      String sourceId, String displayName, URI baseUrl, String trustOds, String apiKey) {
    return new MentalHealthXmlConfig(
        sourceId,
        displayName,
        baseUrl,
        trustOds,
        apiKey,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** A copy with other timeouts. */
  public MentalHealthXmlConfig withTimeouts(Duration connectTimeout, Duration requestTimeout) {
    return new MentalHealthXmlConfig(
        sourceId,
        displayName,
        baseUrl,
        trustOds,
        apiKey,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }

  /** A copy with another response size limit. */
  public MentalHealthXmlConfig withMaxResponseBytes(int maxResponseBytes) {
    return new MentalHealthXmlConfig(
        sourceId,
        displayName,
        baseUrl,
        trustOds,
        apiKey,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }

  /** Where one client's summary is read. */
  public URI summaryUrl(NhsNumber nhsNumber) {
    return URI.create(baseUrl + "/rio/api/v2/clients/" + nhsNumber.value() + "/summary");
  }

  /** Everything but the API key. */
  @Override
  public String toString() {
    return "MentalHealthXmlConfig[sourceId=%s, baseUrl=%s, trustOds=%s, apiKey=***, connectTimeout=%s, requestTimeout=%s, maxResponseBytes=%d]"
        .formatted(sourceId, baseUrl, trustOds, connectTimeout, requestTimeout, maxResponseBytes);
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
          "baseUrl must be the API root without query or fragment, was '%s' (source %s)"
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
