package org.carelens.adapters.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.carelens.sdk.spi.SourceOutcome.Failed;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;

/**
 * Classifies what went wrong below HTTP. {@link Kind#UNREACHABLE} is kept for failures to connect
 * at all, because the gateway may retry those once; anything after a connection was made is a
 * {@link Kind#SOURCE_ERROR}. Messages name the endpoint and the failure, never the patient.
 */
public final class TransportFailures {

  private TransportFailures() {}

  public static Failed classify(Throwable failure, URI endpoint, Duration connectTimeout) {
    String where = endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpConnectTimeoutException) {
        return new Failed(
            Kind.UNREACHABLE, "could not connect to %s within %s".formatted(where, connectTimeout));
      }
      if (cause instanceof HttpTimeoutException) {
        return timedOut(where);
      }
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return new Failed(Kind.UNREACHABLE, "unknown host %s".formatted(endpoint.getHost()));
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return new Failed(
            Kind.UNREACHABLE,
            "could not connect to %s (%s)".formatted(where, cause.getClass().getSimpleName()));
      }
      if (cause instanceof SSLHandshakeException) {
        return new Failed(Kind.UNREACHABLE, "TLS handshake with %s failed".formatted(where));
      }
    }
    return new Failed(
        Kind.SOURCE_ERROR, "exchange with %s failed: %s".formatted(where, describe(failure)));
  }

  /** The provider accepted the connection but did not answer in time. */
  public static Failed timedOut(URI endpoint, Duration requestTimeout) {
    String where = endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
    return new Failed(
        Kind.SOURCE_ERROR,
        "timed out: no complete response from %s within %s".formatted(where, requestTimeout));
  }

  /**
   * The class and message of the innermost cause: protocol errors, which never carry patient data.
   */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null
        ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + " (" + root.getMessage() + ")";
  }

  private static Failed timedOut(String where) {
    return new Failed(Kind.SOURCE_ERROR, "timed out: no response from %s".formatted(where));
  }
}
