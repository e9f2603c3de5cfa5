package org.carelens.gateway.record;

import jakarta.inject.Singleton;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.BearerToken;
import org.carelens.gateway.session.SessionStore;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * The checks every patient-data endpoint makes before it does anything, in the same order as the
 * record endpoint: a live session (401), a valid NHS number (400), the launched patient (403).
 * Failures are {@link ProblemException}s, so they reach the client as problem+json before any
 * response body (or event stream) starts.
 */
@Singleton
class RecordAccess {

  private final SessionStore sessions;

  RecordAccess(SessionStore sessions) {
    this.sessions = sessions;
  }

  Granted check(@Nullable String authorization, String nhsNumber) {
    LaunchContext launch =
        sessions
            .find(BearerToken.from(authorization))
            .orElseThrow(
                () ->
                    ProblemException.unauthorized(
                        "SESSION_EXPIRED", "The session is unknown or has expired; launch again"))
            .launch();
    NhsNumber patient;
    try {
      patient = new NhsNumber(nhsNumber);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
    if (!patient.equals(launch.nhsNumber())) {
      throw ProblemException.forbidden(
          "PATIENT_NOT_IN_SESSION",
          "This session was launched for a different patient; launch again for this patient");
    }
    return new Granted(launch, patient);
  }

  /** Who may read which patient, once the checks passed. */
  record Granted(LaunchContext viewer, NhsNumber patient) {}
}
