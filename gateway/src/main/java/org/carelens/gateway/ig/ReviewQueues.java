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
import java.util.function.Predicate;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditScope;
import org.carelens.gateway.audit.AuditSearch;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.ReviewQueue;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.IgScope;
import org.jspecify.annotations.Nullable;

/**
 * What every IG review queue endpoint does the same way: IG roles only, each within its {@link
 * IgScope} (an IG officer sees and acknowledges only the entries of their organisation's users and
 * registered patients; another's entry is 404, as if not on the queue), a {@code status} filter of
 * {@code open}, {@code acknowledged} or {@code all}, reading audited as {@code AUDIT_SEARCH}, and
 * acknowledgement by an appended audit entry with a mandatory note ({@link ReviewQueue}).
 */
@Singleton
public class ReviewQueues {

  static final int MAX_NOTE = 2000;

  private final IgScope scopes;
  private final AuditTrail audit;
  private final ReviewQueue review;
  private final AuditSearch search;
  private final JsonMapper json;

  ReviewQueues(
      IgScope scopes, AuditTrail audit, ReviewQueue review, AuditSearch search, JsonMapper json) {
    this.scopes = scopes;
    this.audit = audit;
    this.review = review;
    this.search = search;
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
    IgScope.Granted granted = scopes.require(authorization, "the " + label);
    GatewaySession session = granted.session();
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
            .detail("scope", scopeName(granted.scope()))
            .build());
    Predicate<AuditEntry> visible = search.visibleIn(granted.scope());
    return review.queue(kind).stream()
        .filter(i -> visible.test(i.entry()))
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
    IgScope.Granted granted = scopes.require(authorization, what + " acknowledgement");
    GatewaySession session = granted.session();
    String note = rawNote == null ? "" : rawNote.strip();
    if (note.isEmpty() || note.length() > MAX_NOTE) {
      throw ProblemException.badRequest(
          "INVALID_ACKNOWLEDGEMENT",
          "note is mandatory: say what the review found (at most " + MAX_NOTE + " characters)");
    }
    Predicate<AuditEntry> visible = search.visibleIn(granted.scope());
    boolean inScope =
        review.queue(kind).stream()
            .anyMatch(i -> i.entry().sequence() == sequence && visible.test(i.entry()));
    // Another organisation's entry is not found, as if not on the queue: its existence is not this
    // officer's to know.
    ReviewQueue.Acknowledgement outcome =
        inScope
            ? review.acknowledge(kind, sequence, session.launch(), note)
            : new ReviewQueue.NotOnQueue(sequence);
    return switch (outcome) {
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

  /** How an audit entry names the scope a search ran in: {@code federation} or the ODS code. */
  static String scopeName(AuditScope scope) {
    return switch (scope) {
      case AuditScope.Federation f -> "federation";
      case AuditScope.Organisation o -> "organisation:" + o.ods();
    };
  }
}
