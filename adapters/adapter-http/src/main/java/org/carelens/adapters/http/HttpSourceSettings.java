package org.carelens.adapters.http;

import java.time.Duration;
import java.util.function.Supplier;
import org.carelens.sdk.spi.SourceConfig;
import org.carelens.sdk.spi.SourceConfigException;

/**
 * The settings every HTTP adapter's factory reads the same way from a {@link SourceConfig}: the
 * connect timeout and the adapter's own request timeout, and turning a config record's validation
 * failure into a {@link SourceConfigException} that names the source.
 */
public final class HttpSourceSettings {

  /** The gateway's default per-source time limit (GP Connect's 3 s "must"). */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(3);

  /** The gateway's default TCP/TLS connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);

  /**
   * How far past the gateway's time limit an adapter's own timeout lies: it is only a backstop, so
   * the gateway's time limit (which reports {@code TIMEOUT} and may serve a cached copy) fires
   * first.
   */
  public static final Duration BACKSTOP = Duration.ofMillis(500);

  private HttpSourceSettings() {}

  /** {@code connect-timeout}, or {@link #DEFAULT_CONNECT_TIMEOUT}. */
  public static Duration connectTimeout(SourceConfig config) {
    return config.optionalDuration("connect-timeout").orElse(DEFAULT_CONNECT_TIMEOUT);
  }

  /** The adapter's own limit for a whole exchange: {@code time-limit} plus {@link #BACKSTOP}. */
  public static Duration requestTimeout(SourceConfig config) {
    return config.optionalDuration("time-limit").orElse(DEFAULT_TIME_LIMIT).plus(BACKSTOP);
  }

  /**
   * Builds an adapter's config record, reporting a value its compact constructor refuses as a
   * problem of this source ({@code carelens.sources.pharmacy: pharmacyOds must be an ODS code,
   * ...}).
   */
  public static <T> T checked(SourceConfig config, Supplier<T> build) {
    try {
      return build.get();
    } catch (SourceConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw config.invalid(String.valueOf(e.getMessage()));
    }
  }
}
