package org.carelens.gateway.fanout;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;

/**
 * The gateway's own settings of one configured source, {@code carelens.sources.<id>}: whether it is
 * asked, its type and name, and how it is called (time limit, retry, circuit breaker, bulkhead,
 * cache). Defaults suit a clinical source queried a few times a minute; the configuration table in
 * the README lists them. Everything else under the source (its URL, credentials, routing) belongs
 * to its adapter, which reads it through {@link org.carelens.sdk.spi.SourceConfig}: see {@link
 * SourceAdapters}.
 */
@EachProperty("carelens.sources")
public class SourceProperties {

  private final String id;
  private boolean enabled = true;
  private String type = "";
  private String name = "";
  private Duration connectTimeout = Duration.ofSeconds(1);
  private Duration timeLimit = Duration.ofSeconds(3);
  private Duration cacheTtl = Duration.ofSeconds(30);
  private Duration staleTtl = Duration.ofMinutes(5);
  private int cacheMaxEntries = 1_000;
  private int breakerWindow = 10;
  private int breakerMinimumCalls = 5;
  private float breakerFailureRate = 50;
  private Duration breakerOpenFor = Duration.ofSeconds(30);
  private int bulkheadMaxConcurrent = 20;
  private boolean retryEnabled = true;
  private Duration retryBackoff = Duration.ofMillis(100);

  public SourceProperties(@Parameter String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }

  /** A disabled source is left out entirely: not asked, not listed in {@code sources[]}. */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The source type, which names the {@link org.carelens.sdk.spi.SourceAdapterFactory} that builds
   * its adapter; required for an enabled source.
   */
  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getName() {
    return name.isBlank() ? id : name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** GP Connect asks providers to answer within 3 s (must); the default follows it. */
  public Duration getTimeLimit() {
    return timeLimit;
  }

  public void setTimeLimit(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  public Duration getCacheTtl() {
    return cacheTtl;
  }

  public void setCacheTtl(Duration cacheTtl) {
    this.cacheTtl = cacheTtl;
  }

  public Duration getStaleTtl() {
    return staleTtl;
  }

  public void setStaleTtl(Duration staleTtl) {
    this.staleTtl = staleTtl;
  }

  public int getCacheMaxEntries() {
    return cacheMaxEntries;
  }

  public void setCacheMaxEntries(int cacheMaxEntries) {
    this.cacheMaxEntries = cacheMaxEntries;
  }

  public int getBreakerWindow() {
    return breakerWindow;
  }

  public void setBreakerWindow(int breakerWindow) {
    this.breakerWindow = breakerWindow;
  }

  public int getBreakerMinimumCalls() {
    return breakerMinimumCalls;
  }

  public void setBreakerMinimumCalls(int breakerMinimumCalls) {
    this.breakerMinimumCalls = breakerMinimumCalls;
  }

  public float getBreakerFailureRate() {
    return breakerFailureRate;
  }

  public void setBreakerFailureRate(float breakerFailureRate) {
    this.breakerFailureRate = breakerFailureRate;
  }

  public Duration getBreakerOpenFor() {
    return breakerOpenFor;
  }

  public void setBreakerOpenFor(Duration breakerOpenFor) {
    this.breakerOpenFor = breakerOpenFor;
  }

  /**
   * How many calls to this source may be in flight at once, counting calls abandoned at a time-out
   * whose threads have not yet stopped; further calls are refused at once ({@code ERROR}), so a
   * hanging source cannot hold more than its share of threads and connections.
   */
  public int getBulkheadMaxConcurrent() {
    return bulkheadMaxConcurrent;
  }

  public void setBulkheadMaxConcurrent(int bulkheadMaxConcurrent) {
    this.bulkheadMaxConcurrent = bulkheadMaxConcurrent;
  }

  /** Whether a failure to connect is retried once, after a jittered pause, within the limits. */
  public boolean isRetryEnabled() {
    return retryEnabled;
  }

  public void setRetryEnabled(boolean retryEnabled) {
    this.retryEnabled = retryEnabled;
  }

  /** The mean pause before the one retry; the actual pause is uniformly 50-150% of it. */
  public Duration getRetryBackoff() {
    return retryBackoff;
  }

  public void setRetryBackoff(Duration retryBackoff) {
    this.retryBackoff = retryBackoff;
  }
}
