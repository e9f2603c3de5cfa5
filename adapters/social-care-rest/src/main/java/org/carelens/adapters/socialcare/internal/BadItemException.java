package org.carelens.adapters.socialcare.internal;

/** One item cannot be mapped; it costs its section, never the others. */
final class BadItemException extends Exception {
  BadItemException(String message) {
    super(message);
  }
}
