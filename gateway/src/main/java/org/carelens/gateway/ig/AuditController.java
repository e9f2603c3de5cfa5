package org.carelens.gateway.ig;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditQuery;
import org.carelens.gateway.audit.AuditSearch;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.ChainVerifier;
import org.carelens.gateway.audit.VerifyReport;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.IgScope;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * The IG officer's API over the audit trail, each within the officer's {@link IgScope}: {@code GET
 * /api/v1/audit} (search, newest first), {@code GET /api/v1/audit/verify} (the hash chain and its
 * signed checkpoints) and {@code GET /api/v1/audit/access-report} (who viewed a patient's record).
 * Each use is audited before its answer is returned.
 */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

  private final IgScope scopes;
  private final AuditTrail audit;
  private final AuditSearch search;
  private final ChainVerifier verifier;
  private final JsonMapper json;
  private final Clock clock;

  public AuditController(
      IgScope scopes,
      AuditTrail audit,
      AuditSearch search,
      ChainVerifier verifier,
      JsonMapper json,
      Clock clock) {
    this.scopes = scopes;
    this.audit = audit;
    this.search = search;
    this.verifier = verifier;
    this.json = json;
    this.clock = clock;
  }

  @Get("/verify")
  public HttpResponse<VerifyReport> verify(
      @Header("Authorization") @Nullable String authorization) {
    // The chain's hashes and checkpoints reveal no entry, so every IG role verifies all of it.
    GatewaySession session = scopes.require(authorization, "audit verification").session();
    audit.append(
        AuditEvent.builder(AuditEventType.AUDIT_VERIFY, AuditOutcome.SUCCESS)
            .launch(session.launch())
            .build());
    return noStore(VerifyReport.of(verifier.verify()));
  }

  @Get
  public HttpResponse<List<AuditEntryView>> search(
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String patient,
      @QueryValue @Nullable String user,
      @QueryValue @Nullable String organisation,
      @QueryValue @Nullable String event,
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable Integer limit) {
    IgScope.Granted granted = scopes.require(authorization, "audit search");
    AuditQuery query = query(patient, user, organisation, event, from, to, limit);
    audit.append(searched(granted, "search", query));
    return noStore(search.find(query, granted.scope()).stream().map(this::view).toList());
  }

  @Get("/access-report")
  public HttpResponse<AccessReport> accessReport(
      @Header("Authorization") @Nullable String authorization, @QueryValue String patient) {
    IgScope.Granted granted = scopes.require(authorization, "the patient access report");
    NhsNumber nhsNumber = nhsNumber(patient);
    AuditQuery query =
        new AuditQuery(
            Optional.of(nhsNumber),
            Optional.empty(),
            Optional.empty(),
            Optional.of(AuditEventType.RECORD_VIEW),
            Optional.empty(),
            Optional.empty(),
            AuditQuery.MAX_LIMIT);
    audit.append(searched(granted, "access-report", query));
    // An IG officer's report covers the patient's whole trail when the patient is registered with
    // their organisation, and otherwise their own organisation's users' views only.
    List<AuditEntry> views = search.find(query, granted.scope());
    List<AccessReport.Access> accesses =
        views.stream()
            .map(
                e ->
                    new AccessReport.Access(
                        e.sequence(),
                        e.time(),
                        e.organisation().orElse("unknown"),
                        e.role().orElse("unknown")))
            .toList();
    Map<String, List<AccessReport.Access>> byOrganisationAndRole = new LinkedHashMap<>();
    for (AccessReport.Access a : accesses) {
      byOrganisationAndRole
          .computeIfAbsent(a.organisation() + "\u0000" + a.role(), k -> new ArrayList<>())
          .add(a);
    }
    List<AccessReport.Summary> summary =
        byOrganisationAndRole.values().stream()
            .map(
                group ->
                    new AccessReport.Summary(
                        group.get(0).organisation(),
                        group.get(0).role(),
                        group.size(),
                        group.stream()
                            .map(AccessReport.Access::time)
                            .min(Comparator.naturalOrder())
                            .orElseThrow(),
                        group.stream()
                            .map(AccessReport.Access::time)
                            .max(Comparator.naturalOrder())
                            .orElseThrow()))
            .toList();
    return noStore(new AccessReport(nhsNumber.value(), clock.instant(), accesses, summary));
  }

  private static AuditEvent searched(IgScope.Granted granted, String kind, AuditQuery query) {
    GatewaySession session = granted.session();
    Map<String, @Nullable Object> criteria = new LinkedHashMap<>();
    query.patient().ifPresent(p -> criteria.put("patient", p.value()));
    query.userId().ifPresent(u -> criteria.put("user", u));
    query.organisation().ifPresent(o -> criteria.put("organisation", o));
    query.event().ifPresent(e -> criteria.put("event", e.name()));
    query.from().ifPresent(f -> criteria.put("from", f.toString()));
    query.to().ifPresent(t -> criteria.put("to", t.toString()));
    criteria.put("limit", query.limit());
    AuditEvent.Builder event =
        AuditEvent.builder(AuditEventType.AUDIT_SEARCH, AuditOutcome.SUCCESS)
            .launch(session.launch())
            .detail("kind", kind)
            .detail("criteria", criteria)
            .detail("scope", ReviewQueues.scopeName(granted.scope()));
    // The entry is about the patient searched for, so it shows up in that patient's own trail.
    query.patient().ifPresent(event::patient);
    return event.build();
  }

  private static AuditQuery query(
      @Nullable String patient,
      @Nullable String user,
      @Nullable String organisation,
      @Nullable String event,
      @Nullable String from,
      @Nullable String to,
      @Nullable Integer limit) {
    Optional<AuditEventType> type =
        Optional.ofNullable(event)
            .map(
                e ->
                    Arrays.stream(AuditEventType.values())
                        .filter(t -> t.name().equals(e))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                ProblemException.badRequest(
                                    "INVALID_AUDIT_QUERY",
                                    "Unknown event '%s'; events are %s"
                                        .formatted(e, Arrays.toString(AuditEventType.values())))));
    try {
      return new AuditQuery(
          Optional.ofNullable(patient).map(AuditController::nhsNumber),
          Optional.ofNullable(user),
          Optional.ofNullable(organisation),
          type,
          Optional.ofNullable(from).map(f -> instant("from", f)),
          Optional.ofNullable(to).map(t -> instant("to", t)),
          limit == null ? 100 : limit);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("INVALID_AUDIT_QUERY", e.getMessage());
    }
  }

  private static NhsNumber nhsNumber(String value) {
    try {
      return new NhsNumber(value);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          "INVALID_AUDIT_QUERY",
          name
              + " must be an ISO-8601 UTC instant such as 2026-11-03T09:00:00Z, was '"
              + value
              + "'");
    }
  }

  private AuditEntryView view(AuditEntry e) {
    Map<String, @Nullable Object> details;
    try {
      details = json.readValue(e.details(), Argument.mapOf(String.class, Object.class));
    } catch (IOException ex) {
      details = Map.of("unparsed", e.details());
    }
    return new AuditEntryView(
        e.sequence(),
        e.time(),
        e.event(),
        e.outcome(),
        e.reasonCode().orElse(null),
        e.userId().orElse(null),
        e.userName().orElse(null),
        e.role().orElse(null),
        e.organisation().orElse(null),
        e.patient().orElse(null),
        e.device().orElse(null),
        e.correlationId(),
        details,
        e.previousHash(),
        e.hash());
  }

  private static <T> HttpResponse<T> noStore(T body) {
    return HttpResponse.ok(body).header("Cache-Control", "no-store");
  }
}
