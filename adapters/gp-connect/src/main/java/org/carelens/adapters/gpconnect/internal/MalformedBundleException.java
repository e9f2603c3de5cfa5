package org.carelens.adapters.gpconnect.internal;

/**
 * The provider's answer cannot be used as this patient's record. The message names the problem and
 * the resource ids involved, never patient data.
 */
public final class MalformedBundleException extends Exception {
  public MalformedBundleException(String message) {
    super(message);
  }
}
