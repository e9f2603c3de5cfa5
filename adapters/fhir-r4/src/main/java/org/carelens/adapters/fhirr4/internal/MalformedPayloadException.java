package org.carelens.adapters.fhirr4.internal;

/**
 * A search answer cannot be used: not FHIR, not a searchset Bundle, or another patient's. The
 * message names the search and the problem, never patient data.
 */
public final class MalformedPayloadException extends Exception {
  public MalformedPayloadException(String message) {
    super(message);
  }
}
