package org.carelens.gateway.fanout;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;

/**
 * One configured source, {@code carelens.sources.<id>}. Defaults suit a clinical source queried a
 * few times a minute; docs/configuration table in the README lists them.
 */
@EachProperty("carelens.sources")
public class SourceProperties {

  private final String id;
  private boolean enabled = true;
  private String type = "gp-connect";
  private String name = "";
  private String url = "";
  private String providerOds = "";
  // Source credentials (mental-health-xml: api-key; social-care-rest: client-id, client-secret).
  private String apiKey = "";
  private String clientId = "";
  private String clientSecret = "";
  // gp-connect routing (PDS then endpoint directory); both blank means the fixed url is called.
  private String pdsUrl = "";
  private String directoryUrl = "";
  // gp-connect routing: hosts the directory may send requests to (empty: the directory's own host)
  // and whether plain http endpoints are allowed (demo only).
  private java.util.List<String> endpointHosts = java.util.List.of();
  private boolean allowHttp = false;
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

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getProviderOds() {
    return providerOds;
  }

  public void setProviderOds(String providerOds) {
    this.providerOds = providerOds;
  }

  public String getApiKey() {
    return apiKey;
  }

  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public String getPdsUrl() {
    return pdsUrl;
  }

  public void setPdsUrl(String pdsUrl) {
    this.pdsUrl = pdsUrl;
  }

  public String getDirectoryUrl() {
    return directoryUrl;
  }

  public void setDirectoryUrl(String directoryUrl) {
    this.directoryUrl = directoryUrl;
  }

  public java.util.List<String> getEndpointHosts() {
    return endpointHosts;
  }

  public void setEndpointHosts(java.util.List<String> endpointHosts) {
    this.endpointHosts = java.util.List.copyOf(endpointHosts);
  }

  public boolean isAllowHttp() {
    return allowHttp;
  }

  public void setAllowHttp(boolean allowHttp) {
    this.allowHttp = allowHttp;
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
