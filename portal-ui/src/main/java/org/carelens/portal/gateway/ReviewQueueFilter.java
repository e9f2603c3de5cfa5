package org.carelens.portal.gateway;

import java.util.Locale;

/**
 * Which entries an IG review queue lists ({@code status=} on the gateway's break-glass and
 * relationship-claim queues alike).
 */
public enum ReviewQueueFilter {
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
