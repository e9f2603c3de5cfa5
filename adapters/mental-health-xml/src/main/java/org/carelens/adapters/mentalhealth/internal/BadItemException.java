package org.carelens.adapters.mentalhealth.internal;

/** One item in a section cannot be mapped; it costs that section, never the others. */
final class BadItemException extends Exception {
  BadItemException(String message) {
    super(message);
  }
}
