package org.carelens.gateway.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * One event to audit, before it has a sequence number, time and hash.
 *
 * @param reasonCode the stable code of a refusal (e.g. {@code TOKEN_REPLAYED}), or of a notable
 *     success
 * @param actor the verified user; empty when the caller could not be identified
 * @param patient the patient concerned, when there is one
 * @param device the requesting device named by the launch token
 * @param correlationId empty to take the current request's
 * @param details JSON-like values only (strings, numbers, booleans, lists, maps, null): sources
 *     asked and their statuses, sections returned, what was withheld and why — never clinical
 *     content
 */
public record AuditEvent(
    AuditEventType type,
    AuditOutcome outcome,
    Optional<String> reasonCode,
    Optional<Actor> actor,
    Optional<NhsNumber> patient,
    Optional<String> device,
    Optional<String> correlationId,
    Map<String, @Nullable Object> details) {

  public AuditEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /**
   * The detail naming the ODS code of the patient's registered practice, as PDS gave it: it puts
   * the patient in that practice's IG officers' audit scope ({@code audit_patient_practice}).
   */
  public static final String REGISTERED_PRACTICE = "registeredPractice";

  /** The patient's registered practice, when the event records one with its patient. */
  public Optional<String> registeredPractice() {
    return patient.isPresent() && details.get(REGISTERED_PRACTICE) instanceof String ods
        ? Optional.of(ods)
        : Optional.empty();
  }

  public static Builder builder(AuditEventType type, AuditOutcome outcome) {
    return new Builder(type, outcome);
  }

  /** Builds an event one fact at a time. */
  public static final class Builder {
    private final AuditEventType type;
    private final AuditOutcome outcome;
    private @Nullable String reasonCode;
    private @Nullable Actor actor;
    private @Nullable NhsNumber patient;
    private @Nullable String device;
    private @Nullable String correlationId;
    private final Map<String, @Nullable Object> details = new LinkedHashMap<>();

    private Builder(AuditEventType type, AuditOutcome outcome) {
      this.type = type;
      this.outcome = outcome;
    }

    /** The user, patient and device of a verified launch. */
    public Builder launch(LaunchContext launch) {
      this.actor = Actor.of(launch);
      this.patient = launch.nhsNumber();
      this.device = launch.device();
      return this;
    }

    public Builder actor(Actor actor) {
      this.actor = actor;
      return this;
    }

    public Builder patient(NhsNumber patient) {
      this.patient = patient;
      return this;
    }

    public Builder reason(String reasonCode) {
      this.reasonCode = reasonCode;
      return this;
    }

    public Builder correlationId(String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /** The ODS code of the patient's registered practice; see {@link #REGISTERED_PRACTICE}. */
    public Builder registeredPractice(String ods) {
      details.put(REGISTERED_PRACTICE, Objects.requireNonNull(ods, "ods"));
      return this;
    }

    public Builder detail(String name, @Nullable Object value) {
      details.put(name, value);
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(
          type,
          outcome,
          Optional.ofNullable(reasonCode),
          Optional.ofNullable(actor),
          Optional.ofNullable(patient),
          Optional.ofNullable(device),
          Optional.ofNullable(correlationId),
          details);
    }
  }
}
