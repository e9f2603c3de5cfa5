package org.carelens.adapters.mentalhealth.internal;

/** The body is not a client summary this adapter can trust; the message names no patient data. */
public final class MalformedSummaryException extends Exception {
  public MalformedSummaryException(String message) {
    super(message);
  }
}
