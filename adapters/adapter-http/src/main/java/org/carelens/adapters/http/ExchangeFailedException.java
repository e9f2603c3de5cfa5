package org.carelens.adapters.http;

import java.util.Objects;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;

/**
 * Carries a failed outcome out of the middle of a fetch; the adapter turns it back into a value at
 * its boundary ({@link #outcome()}), as the SPI wants. Its message is the outcome's detail, which
 * names the endpoint or call, never the patient. No stack trace: this is control flow, not a bug.
 */
public final class ExchangeFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient SourceOutcome.Failed outcome;

  public ExchangeFailedException(SourceOutcome.Failed outcome) {
    super(Objects.requireNonNull(outcome, "outcome").detail(), null, false, false);
    this.outcome = outcome;
  }

  public ExchangeFailedException(Kind kind, String detail) {
    this(new SourceOutcome.Failed(kind, detail));
  }

  /** A payload that is not what the call should answer. */
  public static ExchangeFailedException malformed(String detail) {
    return new ExchangeFailedException(Kind.MALFORMED_PAYLOAD, detail);
  }

  public SourceOutcome.Failed outcome() {
    return outcome;
  }
}
