package org.carelens.gateway.fanout;

/** What happened to one source for one view; every source in scope always has one. */
public enum SourceStatus {
  OK,
  NO_RECORD,
  WITHHELD,
  TIMEOUT,
  CIRCUIT_OPEN,
  ERROR
}
