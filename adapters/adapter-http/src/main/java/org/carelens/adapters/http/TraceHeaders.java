package org.carelens.adapters.http;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.carelens.sdk.spi.RequestContext;

/**
 * The headers that let a source tie its own audit and traces to the gateway's audit entry for the
 * view:
 *
 * <ul>
 *   <li>{@code X-Correlation-ID}: the view's correlation id, the same on every call of every source
 *       for one view (NHS England APIs, PDS and NRL among them, ask for it);
 *   <li>{@code X-Request-ID}: a fresh UUID per call (PDS requires a UUID);
 *   <li>{@code traceparent} (W3C Trace Context): a trace id derived from the correlation id, so a
 *       source's tracing groups one view's calls, and a fresh parent id per call.
 * </ul>
 *
 * <p>A correlation id that could not travel as a header value is replaced by its hash rather than
 * failing the call.
 */
public final class TraceHeaders {

  public static final String CORRELATION_ID = "X-Correlation-ID";
  public static final String REQUEST_ID = "X-Request-ID";
  public static final String TRACEPARENT = "traceparent";

  private TraceHeaders() {}

  /** Adds the three headers to {@code request}. */
  public static HttpRequest.Builder apply(HttpRequest.Builder request, RequestContext context) {
    String correlationId = headerSafe(context.correlationId());
    return request
        .header(CORRELATION_ID, correlationId)
        .header(REQUEST_ID, UUID.randomUUID().toString())
        .header(TRACEPARENT, traceparent(correlationId));
  }

  /** The correlation id as it is sent: itself when it is a safe token, else its hash. */
  public static String headerSafe(String correlationId) {
    return correlationId.matches("[A-Za-z0-9._:\\-]{1,128}")
        ? correlationId
        : HexFormat.of().formatHex(sha256(correlationId), 0, 16);
  }

  static String traceparent(String correlationId) {
    String compact = correlationId.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    String traceId =
        compact.matches("[0-9a-f]{32}") && !compact.matches("0{32}")
            ? compact
            : HexFormat.of().formatHex(sha256(correlationId), 0, 16);
    long parent = ThreadLocalRandom.current().nextLong();
    if (parent == 0) {
      parent = 1;
    }
    return "00-" + traceId + "-" + HexFormat.of().toHexDigits(parent) + "-01";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
