package org.carelens.adapters.socialcare;

import java.net.URI;
import java.time.Duration;
import org.carelens.adapters.http.ConfigChecks;

/**
 * How to reach the council's social care API.
 *
 * @param sourceId the Carelens source id, e.g. {@code social-care}
 * @param displayName what users read; also the recording organisation's name on every item
 * @param baseUrl the API root (http or https, no query or fragment); the token is requested from
 *     {@code {baseUrl}/oauth/token} and resources read under {@code {baseUrl}/api/v1}
 * @param councilCode the council's organisation code, e.g. {@code LA001}
 * @param clientId the OAuth2 client id
 * @param clientSecret the OAuth2 client secret; never printed by {@link #toString()}
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long the whole fetch (token, lookup and every page) may take
 * @param maxResponseBytes the largest body read per response; larger is a malformed payload
 * @param pageSize the page size asked for
 * @param maxPages the most pages read per resource; the items beyond are reported unread (the
 *     section is partial), never silently cut off
 */
public record SocialCareRestConfig(
    String sourceId,
    String displayName,
    URI baseUrl,
    String councilCode,
    String clientId,
    String clientSecret,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes,
    int pageSize,
    int maxPages) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int DEFAULT_MAX_PAGES = 25;

  public SocialCareRestConfig {
    baseUrl =
        ConfigChecks.httpSource(
            sourceId, displayName, baseUrl, connectTimeout, requestTimeout, maxResponseBytes);
    ConfigChecks.odsCode(sourceId, "councilCode", councilCode);
    // RFC 6749 §2.3.1: both are form-encoded into the Basic credentials; refuse control
    // characters outright and never echo the secret.
    ConfigChecks.headerSafe(sourceId, "clientId", clientId, true);
    ConfigChecks.headerSafe(sourceId, "clientSecret", clientSecret, true);
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "pageSize must be 1 to 1000, was %d (source %s)".formatted(pageSize, sourceId));
    }
    ConfigChecks.positive(sourceId, "maxPages", maxPages);
  }

  /** A configuration with default timeouts, size limit and paging. */
  public static SocialCareRestConfig withDefaults(
      String sourceId,
      String displayName,
      URI baseUrl,
      String councilCode,
      String clientId,
      String clientSecret) {
    return new SocialCareRestConfig(
        sourceId,
        displayName,
        baseUrl,
        councilCode,
        clientId,
        clientSecret,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES,
        DEFAULT_PAGE_SIZE,
        DEFAULT_MAX_PAGES);
  }

  /** A copy with other timeouts. */
  public SocialCareRestConfig withTimeouts(Duration connectTimeout, Duration requestTimeout) {
    return new SocialCareRestConfig(
        sourceId,
        displayName,
        baseUrl,
        councilCode,
        clientId,
        clientSecret,
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        pageSize,
        maxPages);
  }

  /** A copy with another response size limit. */
  public SocialCareRestConfig withMaxResponseBytes(int maxResponseBytes) {
    return new SocialCareRestConfig(
        sourceId,
        displayName,
        baseUrl,
        councilCode,
        clientId,
        clientSecret,
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        pageSize,
        maxPages);
  }

  /** A copy with other paging limits. */
  public SocialCareRestConfig withPaging(int pageSize, int maxPages) {
    return new SocialCareRestConfig(
        sourceId,
        displayName,
        baseUrl,
        councilCode,
        clientId,
        clientSecret,
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        pageSize,
        maxPages);
  }

  public URI tokenUrl() {
    return URI.create(baseUrl + "/oauth/token");
  }

  /** Everything but the client secret. */
  @Override
  public String toString() {
    return ("SocialCareRestConfig[sourceId=%s, baseUrl=%s, councilCode=%s, clientId=%s,"
            + " clientSecret=***, connectTimeout=%s, requestTimeout=%s, maxResponseBytes=%d,"
            + " pageSize=%d, maxPages=%d]")
        .formatted(
            sourceId,
            baseUrl,
            councilCode,
            clientId,
            connectTimeout,
            requestTimeout,
            maxResponseBytes,
            pageSize,
            maxPages);
  }
}
