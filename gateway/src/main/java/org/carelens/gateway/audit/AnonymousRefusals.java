package org.carelens.gateway.audit;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.carelens.gateway.limits.ClientAddresses;
import org.carelens.gateway.limits.LimitsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits refusals of unidentified callers (a missing, malformed, forged or expired token) in
 * aggregate, so that a flood of bad tokens costs a handful of chain writes instead of one each
 * under the chain-head lock, and cannot bury the entries of real users.
 *
 * <p>Refusals are grouped by event type, reason code and client address into windows of {@code
 * carelens.limits.anonymous-audit-window}. The first refusal of a window is written at once as its
 * own entry, exactly as before (a single bad launch shows up immediately, with its correlation id
 * and request facts). Every further refusal in that window is only counted; when the window closes,
 * one summary entry of the same type and reason code is written with {@code details.count} (the
 * refusals it stands for), {@code clientAddress}, {@code windowStart}, {@code windowEnd}, the first
 * entry's correlation id and a few of the counted ones. So the sum of {@code count} over summaries,
 * plus one per other entry, is the number of refusals: none goes uncounted.
 *
 * <p>Summaries are written by a scheduled flush every {@code anonymous-audit-flush-interval} and
 * for every open window on shutdown. A summary that cannot be written is kept and retried at the
 * next flush; at shutdown it is logged with its count instead. Memory is bounded: past {@code
 * anonymous-audit-max-windows} open windows, refusals from further addresses are counted under the
 * address {@code other}. Windows are decided against the injected clock.
 *
 * <p>Thread-safe: a window is only read or changed inside its map entry's atomic update.
 */
@Singleton
public class AnonymousRefusals {

  /** The address under which refusals are counted once too many windows are open. */
  public static final String OTHER_ADDRESSES = "other";

  private static final Logger LOG = LoggerFactory.getLogger(AnonymousRefusals.class);
  private static final int SAMPLE = 5;

  private record Key(AuditEventType type, String reasonCode, String address) {}

  private final AuditTrail trail;
  private final ClientAddresses addresses;
  private final Clock clock;
  private final Duration window;
  private final int maxWindows;
  private final ConcurrentHashMap<Key, Window> open = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<AuditEvent> due = new ConcurrentLinkedQueue<>();

  public AnonymousRefusals(
      AuditTrail trail, ClientAddresses addresses, Clock clock, LimitsProperties properties) {
    this.trail = trail;
    this.addresses = addresses;
    this.clock = clock;
    this.window = properties.getAnonymousAuditWindow();
    this.maxWindows = properties.getAnonymousAuditMaxWindows();
  }

  /**
   * Audits one refusal of an unidentified caller of the current request: written now if it is the
   * first of its window, else counted for the window's summary. Like {@link
   * AuditTrail#appendRefusal}, a failure to write is logged, never thrown: the caller refuses the
   * request either way.
   *
   * @param refusal the refusal as its own entry; it must carry a reason code
   */
  public void refused(AuditEvent.Builder refusal) {
    refused(refusal, addresses.current());
  }

  /**
   * Audits one refusal of an unidentified caller at {@code clientAddress}; see {@link
   * #refused(AuditEvent.Builder)}.
   */
  public void refused(AuditEvent.Builder refusal, String clientAddress) {
    if (window.isZero()) {
      trail.appendRefusal(refusal.build());
      return;
    }
    AuditEvent event = refusal.build();
    String correlationId = event.correlationId().orElseGet(CorrelationIds::current);
    Instant now = clock.instant();
    Key key = new Key(event.type(), event.reasonCode().orElse(""), clientAddress);
    if (!open.containsKey(key) && open.size() >= maxWindows) {
      key = new Key(key.type(), key.reasonCode(), OTHER_ADDRESSES);
    }
    boolean[] first = {false};
    open.compute(
        key,
        (k, current) -> {
          if (current != null && now.isBefore(current.end)) {
            current.count(correlationId);
            return current;
          }
          if (current != null) {
            // Closed but not flushed yet: its summary must not be lost with it.
            current.summary(k, current.end).ifPresent(due::add);
          }
          first[0] = true;
          return new Window(now, now.plus(window), correlationId);
        });
    if (first[0]) {
      trail.appendRefusal(
          refusal
              .correlationId(correlationId)
              .detail(
                  "aggregation",
                  "further refusals like this one from this address until "
                      + now.plus(window)
                      + " are counted in one summary entry")
              .build());
    }
  }

  /** Writes the summaries of windows that have closed. */
  @Scheduled(
      initialDelay = "${carelens.limits.anonymous-audit-flush-interval:10s}",
      fixedDelay = "${carelens.limits.anonymous-audit-flush-interval:10s}")
  public void flushDue() {
    flush(false);
  }

  /** Closes every open window now and writes its summary; called on shutdown. */
  @PreDestroy
  public void flushAll() {
    flush(true);
  }

  /** How many windows are open (for tests and diagnostics). */
  public int openWindows() {
    return open.size();
  }

  private synchronized void flush(boolean all) {
    Instant now = clock.instant();
    for (Key key : open.keySet()) {
      open.computeIfPresent(
          key,
          (k, w) -> {
            if (!all && now.isBefore(w.end)) {
              return w;
            }
            w.summary(k, all && now.isBefore(w.end) ? now : w.end).ifPresent(due::add);
            return null;
          });
    }
    List<AuditEvent> failed = new ArrayList<>();
    for (AuditEvent summary = due.poll(); summary != null; summary = due.poll()) {
      try {
        trail.append(summary);
      } catch (AuditUnavailableException e) {
        failed.add(summary);
      }
    }
    if (all) {
      failed.forEach(
          s ->
              LOG.error(
                  "Audit summary of refused anonymous requests lost at shutdown: {} {} {}",
                  s.type(),
                  s.reasonCode().orElse(""),
                  s.details()));
    } else {
      due.addAll(failed);
    }
  }

  /** One open window; changed only inside its map entry's atomic update. */
  private static final class Window {
    final Instant start;
    final Instant end;
    final String firstCorrelationId;
    long counted;
    final List<String> sample = new ArrayList<>(SAMPLE);

    Window(Instant start, Instant end, String firstCorrelationId) {
      this.start = start;
      this.end = end;
      this.firstCorrelationId = firstCorrelationId;
    }

    void count(String correlationId) {
      counted++;
      if (sample.size() < SAMPLE) {
        sample.add(correlationId);
      }
    }

    java.util.Optional<AuditEvent> summary(Key key, Instant closedAt) {
      if (counted == 0) {
        return java.util.Optional.empty();
      }
      AuditEvent.Builder summary =
          AuditEvent.builder(key.type(), AuditOutcome.REFUSED)
              .correlationId(UUID.randomUUID().toString())
              .detail("summary", true)
              .detail("count", counted)
              .detail("clientAddress", key.address())
              .detail("windowStart", start.toString())
              .detail("windowEnd", closedAt.toString())
              .detail("firstCorrelationId", firstCorrelationId)
              .detail("sampleCorrelationIds", List.copyOf(sample));
      if (!key.reasonCode().isEmpty()) {
        summary.reason(key.reasonCode());
      }
      return java.util.Optional.of(summary.build());
    }
  }
}
