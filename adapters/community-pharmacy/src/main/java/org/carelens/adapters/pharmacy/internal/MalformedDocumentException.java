package org.carelens.adapters.pharmacy.internal;

/** The answer cannot be this patient's dispensing record; the message names no patient data. */
public final class MalformedDocumentException extends Exception {
  public MalformedDocumentException(String message) {
    super(message);
  }
}
