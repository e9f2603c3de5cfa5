package org.carelens.gateway.consent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.cluster.CachePurges;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.IgScope;
import org.carelens.policy.AccessPolicy;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.SourceDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * The IG officer's dissent register (PRODUCT.md rule 2, Trafford's dissent process):
 *
 * <ul>
 *   <li>{@code GET /api/v1/dissent?patient=}: the register with its history, oldest first;
 *   <li>{@code POST /api/v1/dissent}: register dissent from the whole record or one source;
 *   <li>{@code POST /api/v1/dissent/{id}/revoke}: lift a dissent, keeping it and the revocation.
 * </ul>
 *
 * Registering or revoking purges the patient from every source cache of every gateway replica
 * ({@link CachePurges}), so no view is ever served from a copy taken under the previous consent.
 * Every use is audited before it is answered.
 */
@Controller("/api/v1/dissent")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "dissent", description = "The central dissent register (IG officers)")
public class DissentController {

  private final IgScope scopes;
  private final ConsentRegister register;
  private final FanoutEngine fanout;
  private final CachePurges purges;
  private final AccessPolicy policy;
  private final AuditTrail audit;

  public DissentController(
      IgScope scopes,
      ConsentRegister register,
      FanoutEngine fanout,
      CachePurges purges,
      AccessPolicy policy,
      AuditTrail audit) {
    this.scopes = scopes;
    this.register = register;
    this.fanout = fanout;
    this.purges = purges;
    this.policy = policy;
    this.audit = audit;
  }

  @Get
  @Operation(
      summary = "Read the dissent register",
      description =
          "Every dissent with its revocation if lifted, oldest first; for one patient with"
              + " ?patient=. IG officers only.")
  public HttpResponse<List<DissentEntry>> list(
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String patient) {
    GatewaySession session = igOfficer(authorization, "the dissent register");
    Optional<NhsNumber> nhsNumber = Optional.ofNullable(patient).map(DissentController::nhsNumber);
    AuditEvent.Builder event =
        AuditEvent.builder(AuditEventType.DISSENT_REGISTER_READ, AuditOutcome.SUCCESS)
            .launch(session.launch())
            .detail("patient", nhsNumber.map(NhsNumber::value).orElse(null));
    // The entry is about the patient asked for, so it shows up in that patient's own trail.
    nhsNumber.ifPresent(event::patient);
    audit.append(event.build());
    return HttpResponse.ok(register.dissents(nhsNumber)).header("Cache-Control", "no-store");
  }

  @Post
  @Operation(
      summary = "Register a dissent",
      description =
          "Body {\"nhsNumber\", \"sourceId\" (omit or null for the whole record), \"reason\"}."
              + " From the next view on, the source (or every source) is not asked about the"
              + " patient and shows WITHHELD with reason PATIENT_DISSENT. Purges the patient from"
              + " every cache. IG officers only.")
  public HttpResponse<DissentEntry> register(
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable DissentRequest body) {
    GatewaySession session = igOfficer(authorization, "dissent registration");
    if (body == null || body.nhsNumber() == null) {
      throw ProblemException.badRequest("INVALID_DISSENT", "nhsNumber is required");
    }
    NhsNumber patient = nhsNumber(body.nhsNumber());
    Optional<String> source = Optional.ofNullable(body.sourceId()).filter(s -> !s.isBlank());
    Set<String> known = knownSources();
    if (source.isPresent() && !known.contains(source.get())) {
      throw ProblemException.badRequest(
          "UNKNOWN_SOURCE",
          "sourceId '%s' is not a configured or agreed source (known: %s); omit it for the whole"
                  .formatted(source.get(), known)
              + " record");
    }
    String reason = reason(body.reason());
    // The dissent and its audit entry commit together (issue 6 item 4).
    DissentEntry entry =
        register.registerDissent(
            patient,
            source,
            reason,
            Actor.of(session.launch()),
            (c, written) -> {
              audit.appendWithin(
                  c,
                  AuditEvent.builder(AuditEventType.DISSENT_REGISTERED, AuditOutcome.SUCCESS)
                      .actor(Actor.of(session.launch()))
                      .patient(patient)
                      .detail("dissentId", written.id())
                      .detail("scope", source.orElse("whole-record"))
                      .detail("reason", reason)
                      .build());
              // Delivered by PostgreSQL when this transaction commits, and only then.
              purges.announceWithin(c, patient);
            });
    // After the commit: the other replicas were told by the notification it carried.
    purges.purgeHere(patient);
    return HttpResponse.<DissentEntry>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(entry);
  }

  @Post("/{id}/revoke")
  @Operation(
      summary = "Revoke a dissent",
      description =
          "Body {\"reason\"}. The dissent stays in the register with who revoked it, when and"
              + " why. 404 for an unknown id, 409 if already revoked. IG officers only.")
  public HttpResponse<DissentEntry> revoke(
      @PathVariable String id,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable RevokeRequest body) {
    GatewaySession session = igOfficer(authorization, "dissent revocation");
    String reason = reason(body == null ? null : body.reason());
    DissentEntry revoked =
        register
            .revokeDissent(
                id,
                reason,
                Actor.of(session.launch()),
                (c, dissent) -> {
                  audit.appendWithin(
                      c,
                      AuditEvent.builder(AuditEventType.DISSENT_REVOKED, AuditOutcome.SUCCESS)
                          .actor(Actor.of(session.launch()))
                          .patient(new NhsNumber(dissent.nhsNumber()))
                          .detail("dissentId", dissent.id())
                          .detail("reason", reason)
                          .build());
                  purges.announceWithin(c, new NhsNumber(dissent.nhsNumber()));
                })
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "DISSENT_NOT_FOUND",
                        "Not found",
                        "No dissent with id '" + id + "'"));
    purges.purgeHere(new NhsNumber(revoked.nhsNumber()));
    return HttpResponse.ok(revoked).header("Cache-Control", "no-store");
  }

  private Set<String> knownSources() {
    Set<String> known = new TreeSet<>(policy.agreement().sources().keySet());
    fanout.sources().stream().map(SourceDescriptor::id).forEach(known::add);
    return known;
  }

  private GatewaySession igOfficer(@Nullable String authorization, String what) {
    // Any IG role may keep the register: a patient may tell any partner organisation.
    return scopes.require(authorization, what).session();
  }

  private static String reason(@Nullable String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw ProblemException.badRequest(
          "INVALID_DISSENT",
          "reason is required: say why (e.g. the patient's written request), at most 2000"
              + " characters");
    }
    return reason.strip();
  }

  private static NhsNumber nhsNumber(String value) {
    try {
      return new NhsNumber(value);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
  }

  /**
   * {@code POST /api/v1/dissent}.
   *
   * @param sourceId null for the whole record
   */
  @Serdeable
  public record DissentRequest(
      @Nullable String nhsNumber, @Nullable String sourceId, @Nullable String reason) {}

  /** {@code POST /api/v1/dissent/{id}/revoke}. */
  @Serdeable
  public record RevokeRequest(@Nullable String reason) {}
}
