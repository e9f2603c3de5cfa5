package org.carelens.sdk.spi;

/**
 * An optional capability of a demographics source (the spine, PDS): tracing a patient from their
 * details when the NHS number is not known. A {@link SourceAdapter} that can trace implements this
 * as well.
 *
 * <p>Lifecycle and threading as for the {@link SourceAdapter} that implements it: thread-safe, and
 * failures are outcomes, never exceptions; only interruption propagates.
 */
public interface DemographicSearch {

  /**
   * Traces {@code query} on the source.
   *
   * @return the matches, best first, or why there are none to show
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  SearchOutcome search(DemographicQuery query, RequestContext context) throws InterruptedException;

  /**
   * Looks one patient up by NHS number.
   *
   * @return one match (score 1) if the source holds the number, no matches if it does not
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  SearchOutcome lookup(org.carelens.sdk.model.NhsNumber nhsNumber, RequestContext context)
      throws InterruptedException;
}
