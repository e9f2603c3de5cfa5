package org.carelens.adapters.pds.internal;

/** The answer cannot be this patient's demographics; the message names no patient data. */
public final class MalformedPatientException extends Exception {
  public MalformedPatientException(String message) {
    super(message);
  }
}
