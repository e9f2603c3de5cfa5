package org.carelens.gateway.consent;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.policy.consent.Relationship;
import org.carelens.policy.consent.Viewer;
import org.carelens.sdk.model.NhsNumber;

/**
 * The policy's inputs for one view, read from the register at the moment of the view (PRODUCT.md
 * principle 2: consent is decided on every view): who is viewing and how their relationship was
 * established, and the patient's consent state.
 */
@Singleton
public class ConsentState {

  private final ConsentRegister register;

  public ConsentState(ConsentRegister register) {
    this.register = register;
  }

  /**
   * The viewer and the patient's consent at {@code now}. The relationship is {@code BREAK_GLASS}
   * while this user's break-glass for this patient is active, else {@code LAUNCHED_IN_CONTEXT}: a
   * gateway session only exists after an in-context launch from a trusted system.
   */
  public ForView at(LaunchContext launch, NhsNumber patient, Instant now) {
    PatientConsent consent = register.consentAt(patient, launch.userId(), now);
    Relationship relationship =
        consent.breakGlassUntil().isPresent()
            ? Relationship.BREAK_GLASS
            : Relationship.LAUNCHED_IN_CONTEXT;
    return new ForView(
        new Viewer(
            launch.userId(),
            launch.role(),
            launch.organisationOds(),
            launch.organisationType(),
            relationship),
        consent);
  }

  /** The viewer and the patient's consent state for one view. */
  public record ForView(Viewer viewer, PatientConsent consent) {}
}
