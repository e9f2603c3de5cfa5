package org.carelens.portal.record;

import java.time.Clock;
import java.util.Optional;
import org.carelens.portal.launch.LaunchSession;

/**
 * Whether this browser session may ask the gateway for a patient's record. The portal never calls
 * the gateway without a launch for exactly that patient.
 */
public sealed interface RecordAccess {

  /** No launch in this browser session. */
  record NoSession() implements RecordAccess {}

  /** The launch was for someone else; switching patient needs a new launch. */
  record OtherPatient() implements RecordAccess {}

  /** The launch's gateway session has expired. */
  record Expired() implements RecordAccess {}

  /** The launch is for this patient and still current. */
  record Permitted(LaunchSession launch) implements RecordAccess {}

  /** Decides access for the requested patient (as it appears in the URL). */
  static RecordAccess decide(
      Optional<LaunchSession> launch, String requestedNhsNumber, Clock clock) {
    if (launch.isEmpty()) {
      return new NoSession();
    }
    if (!launch.get().isFor(requestedNhsNumber)) {
      return new OtherPatient();
    }
    if (launch.get().isExpired(clock)) {
      return new Expired();
    }
    return new Permitted(launch.get());
  }
}
