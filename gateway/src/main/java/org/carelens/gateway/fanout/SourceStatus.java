package org.carelens.gateway.fanout;

/** What happened to one source for one view; every source in scope always has one. */
public enum SourceStatus {
  /** The source answered with a record (fresh, or from cache when {@code cached} is set). */
  OK,
  /** The source holds no record for this patient. */
  NO_RECORD,
  /** The source refused to share, e.g. the patient dissented there. */
  WITHHELD,
  /** No answer within the source's time limit or the view's deadline. */
  TIMEOUT,
  /** The source failed repeatedly and is not being asked for now. */
  CIRCUIT_OPEN,
  /**
   * The source could not be reached (connection refused, DNS, TLS, after one retry), or too many
   * calls to it are already in flight (its bulkhead is full).
   */
  UNAVAILABLE,
  /** The source answered with an error or with something that is not a valid payload. */
  ERROR
}
