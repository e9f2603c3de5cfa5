package org.carelens.policy.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The patient's consent state at the moment of the view.
 *
 * @param dissents active (not revoked) dissents from the central register
 * @param permissionsToView permission given at the point of care (explicit share-in)
 * @param breakGlassUntil when an active break-glass for this viewer and patient ends, if any
 * @param restricted the demographics spine's S-flag
 */
public record PatientConsent(
    List<Dissent> dissents,
    List<PermissionToView> permissionsToView,
    Optional<Instant> breakGlassUntil,
    boolean restricted) {

  public PatientConsent {
    dissents = List.copyOf(dissents);
    permissionsToView = List.copyOf(permissionsToView);
    Objects.requireNonNull(breakGlassUntil, "breakGlassUntil");
  }

  /** No dissent, no permission recorded, no break-glass, not restricted. */
  public static PatientConsent none() {
    return new PatientConsent(List.of(), List.of(), Optional.empty(), false);
  }

  /**
   * Permission to view recorded at the point of care. Whom it lets see is the agreement's {@code
   * permissionToView.scope}: only {@code recordedBy} (the default), or everyone at {@code
   * organisationOds}.
   *
   * @param organisationOds the organisation of the user who recorded it
   * @param recordedBy the user who recorded it, with the patient present
   * @param until when the permission lapses
   */
  public record PermissionToView(String organisationOds, String recordedBy, Instant until) {
    public PermissionToView {
      Objects.requireNonNull(organisationOds, "organisationOds");
      Objects.requireNonNull(recordedBy, "recordedBy");
      Objects.requireNonNull(until, "until");
    }
  }
}
