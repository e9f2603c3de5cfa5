package org.carelens.portal.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A record stream in progress ({@link GatewayClient#streamRecord}). Cancel it when nobody is
 * looking any more: the gateway then stops the fan-out and shows (and audits) nothing more.
 */
public final class RecordStream {

  private final AtomicBoolean finished = new AtomicBoolean();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Object lock = new Object();
  private @Nullable InputStream body;
  private @Nullable Thread reader;
  private @Nullable Runnable onEnd;

  RecordStream() {}

  /**
   * Stops the stream; the listener hears nothing more once this returns. Safe to call at any time,
   * more than once.
   */
  public void cancel() {
    if (finished.compareAndSet(false, true)) {
      cancelAfterFinish();
    }
  }

  /** Cuts the connection off once the end was claimed by {@link #finish()}. */
  void cancelAfterFinish() {
    InputStream open;
    Thread thread;
    synchronized (lock) {
      open = body;
      thread = reader;
    }
    // Closing java.net.http's body stream cancels the exchange and closes the connection.
    closeQuietly(open);
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** True once the stream completed, failed or was cancelled. */
  public boolean isFinished() {
    return finished.get();
  }

  /** Waits until the reading thread has ended; for tests. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void readingOn(Thread thread) {
    synchronized (lock) {
      reader = thread;
    }
  }

  /** Registers the open body; closes it at once if the stream was cancelled meanwhile. */
  void opened(InputStream in) {
    synchronized (lock) {
      body = in;
    }
    if (finished.get()) {
      closeQuietly(in);
    }
  }

  /**
   * Claims the right to report the end: true once, for whichever of completion, failure or
   * cancellation comes first.
   */
  boolean finish() {
    return finished.compareAndSet(false, true);
  }

  /** Runs once the reading thread has ended (e.g. to drop the stream's deadline). */
  void onEnd(Runnable action) {
    synchronized (lock) {
      onEnd = action;
    }
    if (ended.getCount() == 0) {
      action.run();
    }
  }

  void ended() {
    Runnable action;
    synchronized (lock) {
      closeQuietly(body);
      action = onEnd;
    }
    ended.countDown();
    if (action != null) {
      action.run();
    }
  }

  private static void closeQuietly(@Nullable InputStream in) {
    if (in == null) {
      return;
    }
    try {
      in.close();
    } catch (IOException e) {
      // Already cut off; nothing more to release.
    }
  }
}
