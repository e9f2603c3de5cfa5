package org.carelens.gateway.ig;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.ReviewQueue;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.SessionGuard;
import org.carelens.policy.Role;
import org.jspecify.annotations.Nullable;

/**
 * What every IG review queue endpoint does the same way: IG officers only, a {@code status} filter
 * of {@code open}, {@code acknowledged} or {@code all}, reading audited as {@code AUDIT_SEARCH},
 * and acknowledgement by an appended audit entry with a mandatory note ({@link ReviewQueue}).
 */
@Singleton
public class ReviewQueues {

  static final int MAX_NOTE = 2000;

  private final SessionGuard sessions;
  private final AuditTrail audit;
  private final ReviewQueue review;
  private final JsonMapper json;

  ReviewQueues(SessionGuard sessions, AuditTrail audit, ReviewQueue review, JsonMapper json) {
    this.sessions = sessions;
    this.audit = audit;
    this.review = review;
    this.json = json;
  }

  /** Who reviewed an entry, when, and what they noted; {@code sequence} is its own entry. */
  @Serdeable
  public record Acknowledgement(
      long sequence,
      Instant time,
      @Nullable String userId,
      @Nullable String userName,
      @Nullable String note) {}

  /**
   * The queue of {@code kind} filtered by {@code status}, each item as {@code view} renders it;
   * reading it is audited with {@code label} as its kind.
   */
  <V> List<V> list(
      ReviewQueue.Kind kind,
      String label,
      @Nullable String authorization,
      @Nullable String status,
      Function<ReviewQueue.Item, V> view) {
    GatewaySession session = igOfficer(authorization, "the " + label);
    String wanted = status == null ? "open" : status;
    if (!List.of("open", "acknowledged", "all").contains(wanted)) {
      throw ProblemException.badRequest(
          "INVALID_AUDIT_QUERY", "status must be open, acknowledged or all, was '" + wanted + "'");
    }
    audit.append(
        AuditEvent.builder(AuditEventType.AUDIT_SEARCH, AuditOutcome.SUCCESS)
            .launch(session.launch())
            .detail("kind", label)
            .detail("criteria", Map.of("status", wanted))
            .build());
    return review.queue(kind).stream()
        .filter(i -> wanted.equals("all") || wanted.equals(status(i)))
        .map(view)
        .toList();
  }

  /**
   * Acknowledges entry {@code sequence} on {@code kind}'s queue and returns its item as {@code
   * view} renders it; 404 {@code <codePrefix>_NOT_FOUND}, 409 {@code
   * <codePrefix>_ALREADY_ACKNOWLEDGED}, 400 {@code INVALID_ACKNOWLEDGEMENT}.
   */
  <V> V acknowledge(
      ReviewQueue.Kind kind,
      String codePrefix,
      String what,
      long sequence,
      @Nullable String authorization,
      @Nullable String rawNote,
      Function<ReviewQueue.Item, V> view) {
    GatewaySession session = igOfficer(authorization, what + " acknowledgement");
    String note = rawNote == null ? "" : rawNote.strip();
    if (note.isEmpty() || note.length() > MAX_NOTE) {
      throw ProblemException.badRequest(
          "INVALID_ACKNOWLEDGEMENT",
          "note is mandatory: say what the review found (at most " + MAX_NOTE + " characters)");
    }
    return switch (review.acknowledge(kind, sequence, session.launch(), note)) {
      case ReviewQueue.Acknowledged a ->
          review.queue(kind).stream()
              .filter(i -> i.entry().sequence() == sequence)
              .map(view)
              .findFirst()
              .orElseThrow();
      case ReviewQueue.NotOnQueue n ->
          throw new ProblemException(
              HttpStatus.NOT_FOUND,
              codePrefix + "_NOT_FOUND",
              "Not found",
              "Audit entry " + sequence + " is not a " + what);
      case ReviewQueue.AlreadyAcknowledged a ->
          throw new ProblemException(
              HttpStatus.CONFLICT,
              codePrefix + "_ALREADY_ACKNOWLEDGED",
              "Conflict",
              "The "
                  + what
                  + " "
                  + sequence
                  + " was acknowledged by audit entry "
                  + a.entry().sequence()
                  + " at "
                  + a.entry().time());
    };
  }

  static String status(ReviewQueue.Item item) {
    return item.acknowledgement().isPresent() ? "acknowledged" : "open";
  }

  @Nullable Acknowledgement acknowledgement(ReviewQueue.Item item) {
    return item.acknowledgement()
        .map(
            a ->
                new Acknowledgement(
                    a.sequence(),
                    a.time(),
                    a.userId().orElse(null),
                    a.userName().orElse(null),
                    string(details(a), "note")))
        .orElse(null);
  }

  Map<String, @Nullable Object> details(AuditEntry e) {
    try {
      return json.readValue(e.details(), Argument.mapOf(String.class, Object.class));
    } catch (IOException ex) {
      return Map.of();
    }
  }

  static @Nullable String string(Map<String, @Nullable Object> details, String key) {
    Object value = details.get(key);
    return value == null ? null : value.toString();
  }

  private GatewaySession igOfficer(@Nullable String authorization, String what) {
    GatewaySession session = sessions.require(authorization);
    sessions.requireRole(session, Role.IG_OFFICER, what);
    return session;
  }
}
