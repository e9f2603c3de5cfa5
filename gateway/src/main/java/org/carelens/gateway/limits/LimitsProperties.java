package org.carelens.gateway.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/**
 * Abuse limits ({@code carelens.limits.*}). Each function has a per-user and a per-address limit:
 * at most that many requests in each {@code period}. The defaults are far above what one clinician
 * does (a view every half second for a minute) yet cut a script down to a trickle.
 *
 * <p>Behind the portal or a reverse proxy, every request reaches the gateway from the proxy's
 * address, so the per-address limits then count all of its users together: list the proxy in {@code
 * trusted-proxies} (it must then send {@code X-Forwarded-For}) or size the per-address limits for
 * all of them.
 */
@ConfigurationProperties("carelens.limits")
public class LimitsProperties {

  private boolean enabled = true;
  private Duration period = Duration.ofMinutes(1);
  private int sessionsPerUser = 10;
  private int sessionsPerAddress = 60;
  private int claimsPerUser = 10;
  private int claimsPerAddress = 60;
  private int breakGlassPerUser = 5;
  private int breakGlassPerAddress = 60;
  private int viewsPerUser = 120;
  private int viewsPerAddress = 1200;
  private int searchesPerUser = 30;
  private int searchesPerAddress = 600;
  private List<String> trustedProxies = List.of();
  private Duration anonymousAuditWindow = Duration.ofMinutes(1);
  private Duration anonymousAuditFlushInterval = Duration.ofSeconds(10);
  private int anonymousAuditMaxWindows = 10_000;

  /** The most requests one user may make to {@code limit} in a period. */
  public int perUser(RateLimit limit) {
    return switch (limit) {
      case SESSIONS -> sessionsPerUser;
      case CLAIMS -> claimsPerUser;
      case BREAK_GLASS -> breakGlassPerUser;
      case VIEWS -> viewsPerUser;
      case SEARCHES -> searchesPerUser;
    };
  }

  /** The most requests one client address may make to {@code limit} in a period. */
  public int perAddress(RateLimit limit) {
    return switch (limit) {
      case SESSIONS -> sessionsPerAddress;
      case CLAIMS -> claimsPerAddress;
      case BREAK_GLASS -> breakGlassPerAddress;
      case VIEWS -> viewsPerAddress;
      case SEARCHES -> searchesPerAddress;
    };
  }

  /** {@code false} switches every rate limit off (the anonymous-refusal audit still aggregates). */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The period every limit counts over: fixed windows of this length, aligned to the epoch (so the
   * same on every replica); each allowance is whole again when a window starts.
   */
  public Duration getPeriod() {
    return period;
  }

  public void setPeriod(Duration period) {
    this.period = positive("period", period);
  }

  public int getSessionsPerUser() {
    return sessionsPerUser;
  }

  public void setSessionsPerUser(int value) {
    this.sessionsPerUser = positive("sessions-per-user", value);
  }

  public int getSessionsPerAddress() {
    return sessionsPerAddress;
  }

  public void setSessionsPerAddress(int value) {
    this.sessionsPerAddress = positive("sessions-per-address", value);
  }

  public int getClaimsPerUser() {
    return claimsPerUser;
  }

  public void setClaimsPerUser(int value) {
    this.claimsPerUser = positive("claims-per-user", value);
  }

  public int getClaimsPerAddress() {
    return claimsPerAddress;
  }

  public void setClaimsPerAddress(int value) {
    this.claimsPerAddress = positive("claims-per-address", value);
  }

  public int getSearchesPerUser() {
    return searchesPerUser;
  }

  public void setSearchesPerUser(int value) {
    this.searchesPerUser = positive("searches-per-user", value);
  }

  public int getSearchesPerAddress() {
    return searchesPerAddress;
  }

  public void setSearchesPerAddress(int value) {
    this.searchesPerAddress = positive("searches-per-address", value);
  }

  public int getBreakGlassPerUser() {
    return breakGlassPerUser;
  }

  public void setBreakGlassPerUser(int value) {
    this.breakGlassPerUser = positive("break-glass-per-user", value);
  }

  public int getBreakGlassPerAddress() {
    return breakGlassPerAddress;
  }

  public void setBreakGlassPerAddress(int value) {
    this.breakGlassPerAddress = positive("break-glass-per-address", value);
  }

  public int getViewsPerUser() {
    return viewsPerUser;
  }

  public void setViewsPerUser(int value) {
    this.viewsPerUser = positive("views-per-user", value);
  }

  public int getViewsPerAddress() {
    return viewsPerAddress;
  }

  public void setViewsPerAddress(int value) {
    this.viewsPerAddress = positive("views-per-address", value);
  }

  /**
   * Addresses of proxies whose {@code X-Forwarded-For} is believed. For any other peer the client
   * address is the socket's remote address and the header is ignored, since anyone can send it.
   */
  public List<String> getTrustedProxies() {
    return trustedProxies;
  }

  public void setTrustedProxies(List<String> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /**
   * Refusals of unidentified callers (bad or missing tokens) are audited one entry per client
   * address, event and reason code per window, with a count. {@code 0s} writes every refusal as its
   * own entry.
   */
  public Duration getAnonymousAuditWindow() {
    return anonymousAuditWindow;
  }

  public void setAnonymousAuditWindow(Duration window) {
    if (window.isNegative()) {
      throw new IllegalArgumentException(
          "carelens.limits.anonymous-audit-window must not be negative, was " + window);
    }
    this.anonymousAuditWindow = window;
  }

  /** How often closed windows are looked for and their summaries written. */
  public Duration getAnonymousAuditFlushInterval() {
    return anonymousAuditFlushInterval;
  }

  public void setAnonymousAuditFlushInterval(Duration interval) {
    this.anonymousAuditFlushInterval = positive("anonymous-audit-flush-interval", interval);
  }

  /**
   * How many windows may be open at once. Refusals from further addresses are counted together
   * under the address {@code other}, so none goes uncounted however many addresses a flood uses.
   */
  public int getAnonymousAuditMaxWindows() {
    return anonymousAuditMaxWindows;
  }

  public void setAnonymousAuditMaxWindows(int value) {
    this.anonymousAuditMaxWindows = positive("anonymous-audit-max-windows", value);
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "carelens.limits." + name + " must be at least 1, was " + value);
    }
    return value;
  }

  private static Duration positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "carelens.limits." + name + " must be positive, was " + value);
    }
    return value;
  }
}
