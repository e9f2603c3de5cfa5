package org.carelens.adapters.socialcare.internal;

import org.carelens.sdk.spi.SourceOutcome;

/**
 * Carries a failed outcome out of the middle of a multi-call fetch; the adapter turns it back into
 * the value at its boundary. Its message is the outcome's detail, which names no patient.
 */
public final class FailedException extends Exception {

  private final transient SourceOutcome.Failed outcome;

  public FailedException(SourceOutcome.Failed outcome) {
    super(outcome.detail(), null, false, false);
    this.outcome = outcome;
  }

  public FailedException(SourceOutcome.Failed.Kind kind, String detail) {
    this(new SourceOutcome.Failed(kind, detail));
  }

  public SourceOutcome.Failed outcome() {
    return outcome;
  }
}
