package org.carelens.gateway.launch;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A launch token was refused; {@code code} is stable, the message says why.
 *
 * <p>{@link #launch()} is present when the token itself verified but was still refused (a replayed
 * {@code jti}): the audit can then name the user and patient. {@link #temporary()} is true when the
 * refusal came from the gateway's own storage being unavailable rather than from the token.
 */
public final class LaunchRejectedException extends RuntimeException {

  private final String code;
  private final @Nullable LaunchContext launch;
  private final boolean temporary;

  public LaunchRejectedException(String code, String message) {
    this(code, message, null, false);
  }

  LaunchRejectedException(
      String code, String message, @Nullable LaunchContext launch, boolean temporary) {
    super(message);
    this.code = code;
    this.launch = launch;
    this.temporary = temporary;
  }

  public String code() {
    return code;
  }

  public Optional<LaunchContext> launch() {
    return Optional.ofNullable(launch);
  }

  public boolean temporary() {
    return temporary;
  }
}
