package org.carelens.gateway.launch;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A launch token was refused; {@link #reason()} says which check refused it, the message says why.
 *
 * <p>{@link #launch()} is present when the token itself verified but was still refused (a replayed
 * {@code jti}): the audit can then name the user and patient. {@link #temporary()} is true when the
 * refusal came from the gateway's own storage being unavailable rather than from the token.
 */
public final class LaunchRejectedException extends RuntimeException {

  private final LaunchRefusal reason;
  private final @Nullable LaunchContext launch;
  private final boolean temporary;

  public LaunchRejectedException(LaunchRefusal reason, String message) {
    this(reason, message, null, false);
  }

  LaunchRejectedException(
      LaunchRefusal reason, String message, @Nullable LaunchContext launch, boolean temporary) {
    super(message);
    this.reason = reason;
    this.launch = launch;
    this.temporary = temporary;
  }

  public LaunchRefusal reason() {
    return reason;
  }

  /** The stable reason code, e.g. {@code TOKEN_REPLAYED}. */
  public String code() {
    return reason.name();
  }

  public Optional<LaunchContext> launch() {
    return Optional.ofNullable(launch);
  }

  public boolean temporary() {
    return temporary;
  }
}
