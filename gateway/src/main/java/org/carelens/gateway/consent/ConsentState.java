package org.carelens.gateway.consent;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.session.RelationshipRegister;
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
  private final RelationshipRegister relationships;

  public ConsentState(ConsentRegister register, RelationshipRegister relationships) {
    this.register = register;
    this.relationships = relationships;
  }

  /**
   * The viewer and the patient's consent at {@code now}. The relationship is {@code BREAK_GLASS}
   * while a break-glass this session declared for this patient is active; else {@code
   * LAUNCHED_IN_CONTEXT} for the launched patient (a session only exists after an in-context launch
   * from a trusted system); else {@code SELF_CLAIMED} if the session claimed one with a reason.
   * Otherwise, for another patient, the only way in was a break-glass that has since ended: {@code
   * BREAK_GLASS} with no active declaration, which the policy withholds everything for (fail
   * closed).
   */
  public ForView at(LaunchContext launch, NhsNumber patient, Instant now) {
    PatientConsent consent = register.consentAt(patient, launch, now);
    Relationship relationship;
    if (consent.breakGlassUntil().isPresent()) {
      relationship = Relationship.BREAK_GLASS;
    } else if (launch.launchedFor(patient)) {
      relationship = Relationship.LAUNCHED_IN_CONTEXT;
    } else if (relationships.established(launch, patient).contains(Relationship.SELF_CLAIMED)) {
      relationship = Relationship.SELF_CLAIMED;
    } else {
      relationship = Relationship.BREAK_GLASS;
    }
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
