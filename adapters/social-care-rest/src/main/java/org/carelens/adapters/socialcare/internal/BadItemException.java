package org.carelens.adapters.socialcare.internal;

/**
 * One item cannot be mapped; it is counted as unreadable and costs only itself. The message names
 * what is wrong with the item, never its content.
 */
final class BadItemException extends Exception {
  BadItemException(String message) {
    super(message);
  }
}
