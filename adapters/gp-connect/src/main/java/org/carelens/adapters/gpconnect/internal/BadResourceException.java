package org.carelens.adapters.gpconnect.internal;

/**
 * One resource cannot be mapped (missing code, dangling reference, unknown status). It costs its
 * section, never the whole record. The message names resource types and ids only.
 */
final class BadResourceException extends Exception {
  BadResourceException(String message) {
    super(message);
  }
}
