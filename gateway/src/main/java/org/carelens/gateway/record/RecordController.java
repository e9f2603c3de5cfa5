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
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.BearerToken;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.SessionStore;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/patients/{nhsNumber}/record}: the merged, policy-filtered record. */
@Controller("/api/v1/patients")
public class RecordController {

  private final SessionStore sessions;
  private final RecordService records;

  public RecordController(SessionStore sessions, RecordService records) {
    this.sessions = sessions;
    this.records = records;
  }

  // Blocking on a virtual thread: the fan-out waits for sources up to the view's deadline.
  @Get("/{nhsNumber}/record")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<RecordView> record(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String sections) {
    GatewaySession session =
        sessions
            .find(BearerToken.from(authorization))
            .orElseThrow(
                () ->
                    ProblemException.unauthorized(
                        "SESSION_EXPIRED", "The session is unknown or has expired; launch again"));
    NhsNumber patient;
    try {
      patient = new NhsNumber(nhsNumber);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
    if (!patient.equals(session.launch().nhsNumber())) {
      throw ProblemException.forbidden(
          "PATIENT_NOT_IN_SESSION",
          "This session was launched for a different patient; launch again for this patient");
    }
    Set<Section> requested =
        sections == null ? RecordService.SERVED : RecordService.parseSections(sections);
    RecordView view = records.view(session.launch(), patient, requested);
    return HttpResponse.ok(view).header("Cache-Control", "no-store");
  }
}
