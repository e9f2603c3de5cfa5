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

  /**
   * The launch was for someone else and no relationship was claimed for this patient; switching
   * patient needs a new launch or a claim.
   */
  record OtherPatient() implements RecordAccess {}

  /** The launch's gateway session has expired. */
  record Expired() implements RecordAccess {}

  /**
   * The launch is current and for this patient, or claimed a relationship with them.
   *
   * @param nhsNumber the patient to read
   * @param selfClaimed true when only a self-claimed relationship allows it: every view is flagged
   *     for IG review, and the page must say so
   */
  record Permitted(LaunchSession launch, String nhsNumber, boolean selfClaimed)
      implements RecordAccess {}

  /** Decides access for the requested patient (as it appears in the URL). */
  static RecordAccess decide(
      Optional<LaunchSession> launch, String requestedNhsNumber, Clock clock) {
    if (launch.isEmpty()) {
      return new NoSession();
    }
    if (!launch.get().mayView(requestedNhsNumber)) {
      return new OtherPatient();
    }
    if (launch.get().isExpired(clock)) {
      return new Expired();
    }
    return new Permitted(
        launch.get(), requestedNhsNumber, launch.get().isClaimed(requestedNhsNumber));
  }
}
