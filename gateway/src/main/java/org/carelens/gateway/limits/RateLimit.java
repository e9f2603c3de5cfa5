package org.carelens.gateway.limits;

/** The rate-limited functions; each has a per-user and a per-address limit. */
public enum RateLimit {
  /** {@code POST /api/v1/sessions}: exchanging a launch token for a session. */
  SESSIONS("sessions"),
  /** {@code POST .../relationship}: self-claiming a relationship with another patient. */
  CLAIMS("claims"),
  /** {@code POST .../break-glass}: declaring emergency access. */
  BREAK_GLASS("break-glass"),
  /** Record views: {@code .../record}, {@code .../record/stream} and document content. */
  VIEWS("views"),
  /** {@code GET /api/v1/patients}: patient search (issue 11). */
  SEARCHES("searches");

  private final String key;

  RateLimit(String key) {
    this.key = key;
  }

  /** The name used in configuration ({@code carelens.limits.<key>-per-user}) and metrics. */
  public String key() {
    return key;
  }
}
