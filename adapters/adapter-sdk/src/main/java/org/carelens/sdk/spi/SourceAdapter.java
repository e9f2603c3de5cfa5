package org.carelens.sdk.spi;

/**
 * An adapter for one source system. The gateway calls {@link #fetch} once per record view, on its
 * own virtual thread, with a deadline.
 *
 * <p><b>Lifecycle.</b> An adapter is created once at gateway start-up with its configuration and
 * lives for the life of the gateway; {@link #close()} releases its connections.
 *
 * <p><b>Threading.</b> Implementations must be thread-safe: many views call {@code fetch}
 * concurrently. {@code fetch} is blocking and must respond to interruption promptly: the gateway
 * interrupts the calling thread when the view's deadline passes, and the adapter must then abandon
 * its I/O rather than hold a connection.
 *
 * <p><b>Failure.</b> Every failure of the source (unreachable, error status, malformed payload) is
 * returned as {@link SourceOutcome.Failed}; {@code fetch} does not throw for them. An exception
 * that escapes is a bug in the adapter; the gateway still contains it to this source and reports it
 * as an error. Nothing returned is ever {@code null}.
 *
 * <p><b>Scope.</b> The adapter returns only what its source offers for the requested sections. It
 * does not apply viewer-side policy: the gateway does, on every view.
 */
public interface SourceAdapter extends AutoCloseable {

  /** What this adapter's source is. Constant for the adapter's life. */
  SourceDescriptor descriptor();

  /**
   * Asks the source for one patient's record.
   *
   * @return the outcome; never {@code null}
   */
  SourceOutcome fetch(SourceRequest request) throws InterruptedException;

  /**
   * Fetches one document's content on demand, when a viewer opens it. Same threading and failure
   * rules as {@link #fetch}: blocking, interruptible, failures as values. The default answers
   * {@link DocumentOutcome.NotSupported}, for sources that list documents without serving them.
   *
   * @return the outcome; never {@code null}
   */
  default DocumentOutcome fetchDocument(DocumentRequest request) throws InterruptedException {
    return new DocumentOutcome.NotSupported(
        "source " + descriptor().id() + " does not serve document content");
  }

  @Override
  default void close() {}

  /**
   * Loads whatever is slow to initialise (parsers, models, TLS) so the first view is no slower than
   * the rest. Called once at gateway start-up, before the first {@link #fetch}; it must not contact
   * the source. The default does nothing.
   */
  default void warmUp() {}
}
