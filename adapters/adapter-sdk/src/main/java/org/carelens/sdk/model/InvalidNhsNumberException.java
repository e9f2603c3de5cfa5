package org.carelens.sdk.model;

/** Thrown when text is not a valid NHS number; the message says exactly what was wrong. */
public final class InvalidNhsNumberException extends IllegalArgumentException {
  public InvalidNhsNumberException(String message) {
    super(message);
  }
}
