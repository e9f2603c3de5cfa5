package org.carelens.adapters.fhirr4.internal;

/**
 * One resource cannot be mapped (missing code, dangling reference, another patient's subject). It
 * costs its section, never the whole record. The message names resource types and ids only.
 */
public final class BadResourceException extends Exception {
  public BadResourceException(String message) {
    super(message);
  }
}
