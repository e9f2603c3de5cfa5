package org.carelens.tck;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The simulated source an adapter under test must talk to, and the limits it must apply.
 *
 * @param baseUrl the root of the WireMock server standing in for the source (no trailing slash)
 * @param requestTimeout how long one whole exchange may take before the adapter gives up
 * @param maxResponseBytes the largest body the adapter may read; a larger one is a failed outcome
 */
public record TckSource(URI baseUrl, Duration requestTimeout, int maxResponseBytes) {

  public TckSource {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
    }
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be positive, was " + maxResponseBytes);
    }
  }

  /** A copy with another request timeout. */
  public TckSource withRequestTimeout(Duration timeout) {
    return new TckSource(baseUrl, timeout, maxResponseBytes);
  }
}
