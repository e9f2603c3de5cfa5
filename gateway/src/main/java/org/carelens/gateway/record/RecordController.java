package org.carelens.gateway.record;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Set;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.SessionGuard;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/patients/{nhsNumber}/record}: the merged, policy-filtered record. */
@Controller("/api/v1/patients")
public class RecordController {

  private final SessionGuard sessions;
  private final RecordService records;
  private final AuditTrail audit;

  public RecordController(SessionGuard sessions, RecordService records, AuditTrail audit) {
    this.sessions = sessions;
    this.records = records;
    this.audit = audit;
  }

  // Blocking on a virtual thread: the fan-out waits for sources up to the view's deadline.
  @Get("/{nhsNumber}/record")
  @ExecuteOn(TaskExecutors.BLOCKING)
  @RateLimited(RateLimit.VIEWS)
  public HttpResponse<RecordView> record(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String sections) {
    GatewaySession session = sessions.require(authorization);
    NhsNumber patient;
    try {
      patient = new NhsNumber(nhsNumber);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
    sessions.requirePatient(session, patient);
    Set<Section> requested =
        sections == null ? RecordService.SERVED : RecordService.parseSections(sections);
    RecordService.Viewed viewed = records.view(session.launch(), patient, requested);
    // Audit before display (PRODUCT.md principle 4): committed, or a 503 and nothing shown.
    audit.append(viewed.audit(session.launch(), patient));
    return HttpResponse.ok(viewed.view()).header("Cache-Control", "no-store");
  }
}
