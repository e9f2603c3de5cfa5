package org.carelens.portal.gateway;

import java.util.Locale;

/** Which break-glass declarations the review queue lists ({@code status=} on the gateway). */
public enum BreakGlassQueueFilter {
  /** Not yet acknowledged by an IG officer: the work to do. */
  OPEN,
  /** Reviewed, with the officer's note. */
  ACKNOWLEDGED,
  /** Both, newest first. */
  ALL;

  /** The gateway's query value. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }
}
