package org.carelens.gateway.record;

import jakarta.inject.Singleton;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.SessionGuard;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * The checks the stream and document endpoints make before they do anything, in the same order as
 * the record endpoint: a live session (401), a valid NHS number (400), the launched patient (403),
 * refusals audited by {@link SessionGuard}. Failures are {@link ProblemException}s, so they reach
 * the client as problem+json before any response body (or event stream) starts.
 */
@Singleton
class RecordAccess {

  private final SessionGuard sessions;

  RecordAccess(SessionGuard sessions) {
    this.sessions = sessions;
  }

  Granted check(@Nullable String authorization, String nhsNumber) {
    GatewaySession session = sessions.require(authorization);
    NhsNumber patient;
    try {
      patient = new NhsNumber(nhsNumber);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
    sessions.requirePatient(session, patient);
    return new Granted(session.launch(), patient);
  }

  /** Who may read which patient, once the checks passed. */
  record Granted(LaunchContext viewer, NhsNumber patient) {}
}
