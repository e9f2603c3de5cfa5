package org.carelens.gateway.launch;

/** A launch token was refused; {@code code} is stable, the message says why. */
public final class LaunchRejectedException extends RuntimeException {

  private final String code;

  public LaunchRejectedException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
