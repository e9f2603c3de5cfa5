package org.carelens.gateway.launch;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One trusted issuer's public keys: inline, or fetched from its JWKS URL through Nimbus's cache.
 *
 * <p>A {@code kid} the cached set does not know triggers a refetch (key rotation), but through
 * Nimbus's {@link RateLimitedJWKSetSource}: at most two refetches per refetch interval, however
 * many tokens with unknown keys arrive, so a flood of made-up {@code kid}s cannot make the gateway
 * hammer the issuer or queue behind its JWKS. The limiter sits above the cache rather than below
 * it, so it throttles only these attacker-triggered refetches: the scheduled reload when the cache
 * expires is never refused because a flood used up the window. Time comes from the injected clock
 * (Nimbus's own source reads the system clock), so tests move it by hand.
 *
 * <p>Thread-safe.
 */
final class IssuerKeys {

  /** Nimbus's default; long enough for a slow issuer, short enough to fail closed promptly. */
  private static final long CACHE_REFRESH_TIMEOUT_MS = 5_000;

  /** Bounds a hostile or broken JWKS reply; a real set is a few KB. */
  private static final int MAX_JWKS_BYTES = 50 * 1024;

  private final Clock clock;
  private final JWKSetSource<SecurityContext> cached;
  private final JWKSetSource<SecurityContext> rateLimitedRefetch;
  private final AtomicReference<JWKSet> lastKnown;

  private IssuerKeys(
      Clock clock,
      JWKSetSource<SecurityContext> cached,
      JWKSetSource<SecurityContext> rateLimitedRefetch,
      AtomicReference<JWKSet> lastKnown) {
    this.clock = clock;
    this.cached = cached;
    this.rateLimitedRefetch = rateLimitedRefetch;
    this.lastKnown = lastKnown;
  }

  static IssuerKeys of(TrustedIssuer.Keys keys, LaunchProperties settings, Clock clock) {
    return switch (keys) {
      case TrustedIssuer.Keys.Inline inline -> inline(inline.json(), clock);
      case TrustedIssuer.Keys.Url url ->
          remote(
              url.url(),
              settings.getJwksTimeout(),
              settings.getJwksCacheTtl(),
              settings.getJwksRefetchInterval(),
              clock);
    };
  }

  static IssuerKeys inline(String json, Clock clock) {
    JWKSet set;
    try {
      // Only the public halves: a configured private key must never sign anything here.
      set = JWKSet.parse(json).toPublicJWKSet();
    } catch (ParseException e) {
      throw new IllegalStateException(
          "the inline JWKS is not a valid JWK set: " + e.getMessage(), e);
    }
    JWKSetSource<SecurityContext> fixed = new FixedSource(set);
    return new IssuerKeys(clock, fixed, fixed, new AtomicReference<>(set));
  }

  static IssuerKeys remote(
      URI url, Duration timeout, Duration cacheTtl, Duration refetchInterval, Clock clock) {
    int timeoutMs = (int) timeout.toMillis();
    AtomicReference<JWKSet> lastKnown = new AtomicReference<>(new JWKSet());
    try {
      JWKSetSource<SecurityContext> fetched =
          new RecordingSource(
              new URLBasedJWKSetSource<>(
                  url.toURL(), new DefaultResourceRetriever(timeoutMs, timeoutMs, MAX_JWKS_BYTES)),
              lastKnown);
      JWKSetSource<SecurityContext> cached =
          new CachingJWKSetSource<>(fetched, cacheTtl.toMillis(), CACHE_REFRESH_TIMEOUT_MS, null);
      return new IssuerKeys(
          clock,
          cached,
          new RateLimitedJWKSetSource<>(cached, refetchInterval.toMillis(), null),
          lastKnown);
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("not a valid JWKS URL: " + url, e);
    }
  }

  /**
   * The keys matching {@code selector}, refetching once (rate-limited) if none do.
   *
   * @return empty if the issuer publishes no such key, or if the refetch was rate-limited
   * @throws KeySourceException if the JWKS cannot be fetched (the caller fails closed)
   */
  List<JWK> select(JWKSelector selector) throws KeySourceException {
    long now = clock.millis();
    JWKSet set = cached.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, null);
    List<JWK> keys = selector.select(set);
    if (!keys.isEmpty()) {
      return keys;
    }
    try {
      set =
          rateLimitedRefetch.getJWKSet(
              JWKSetCacheRefreshEvaluator.referenceComparison(set), now, null);
    } catch (RateLimitReachedException e) {
      return List.of();
    }
    return selector.select(set);
  }

  /**
   * Whether the keys can be had now: from the cache while it is fresh, else by fetching them (at
   * most once per cache period, and bounded by the JWKS timeout). For readiness, never for a
   * decision about a token.
   */
  boolean available() {
    try {
      cached.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), clock.millis(), null);
      return true;
    } catch (KeySourceException e) {
      return false;
    }
  }

  /**
   * The keys last fetched (or the inline set), without fetching: for telling which other trusted
   * issuer signed a refused token, never for accepting one.
   */
  JWKSet lastKnown() {
    return lastKnown.get();
  }

  private record FixedSource(JWKSet set) implements JWKSetSource<SecurityContext> {
    @Override
    public JWKSet getJWKSet(
        JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context) {
      return set;
    }

    @Override
    public void close() {}
  }

  /** Remembers each successfully fetched set for {@link #lastKnown()}. */
  private record RecordingSource(
      JWKSetSource<SecurityContext> source, AtomicReference<JWKSet> lastKnown)
      implements JWKSetSource<SecurityContext> {
    @Override
    public JWKSet getJWKSet(
        JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
        throws KeySourceException {
      JWKSet set = source.getJWKSet(refresh, currentTime, context);
      lastKnown.set(set);
      return set;
    }

    @Override
    public void close() throws IOException {
      source.close();
    }
  }
}
