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
   * The source failed: it could not be reached (after one retry), answered with an error or with
   * something that is not a valid payload, or too many calls to it are already in flight. {@code
   * detail} says which. (The status set is a published contract, so these share one status.)
   */
  ERROR
}
