package org.carelens.portal.gateway;

import org.jspecify.annotations.Nullable;

/**
 * The gateway refused or could not answer a request. Carries what the UI needs to say exactly what
 * was wrong: the HTTP status, the gateway's stable problem code and its human-readable detail.
 * Transport failures the portal detects itself use {@link #UNREACHABLE} and {@link #TIMED_OUT}.
 */
public final class GatewayException extends RuntimeException {

  /** Code for "nothing answered at the gateway's address". */
  public static final String UNREACHABLE = "GATEWAY_UNREACHABLE";

  /** Code for "the gateway did not answer within the portal's read timeout". */
  public static final String TIMED_OUT = "GATEWAY_TIMEOUT";

  /** Code for "the gateway answered with a body the portal could not read". */
  public static final String UNREADABLE = "GATEWAY_RESPONSE_UNREADABLE";

  private final int status;
  private final String code;
  private final String detail;

  public GatewayException(int status, String code, String detail) {
    this(status, code, detail, null);
  }

  public GatewayException(int status, String code, String detail, @Nullable Throwable cause) {
    super("Gateway answered %d %s: %s".formatted(status, code, detail), cause);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  /** The HTTP status the gateway answered with (502/503/504 for failures the portal detected). */
  public int status() {
    return status;
  }

  /** The gateway's stable problem code, e.g. {@code INVALID_TOKEN}. */
  public String code() {
    return code;
  }

  /** A sentence a clinician can read: what was wrong, from the gateway's own words. */
  public String detail() {
    return detail;
  }
}
