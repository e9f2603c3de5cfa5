package org.carelens.gateway.audit;

import java.util.Objects;

/**
 * Which part of the audit trail a reader may see (issue 10, IG scope).
 *
 * <p>{@link Federation}: every entry. {@link Organisation}: the entries of the organisation's own
 * users, and every entry about a patient registered with the organisation (as PDS gave it when the
 * patient was viewed; see {@code audit_patient_practice}). An entry about a patient never viewed
 * through Carelens, by another organisation's user, is outside an organisation's scope.
 */
public sealed interface AuditScope {

  /** The whole federation's trail. */
  record Federation() implements AuditScope {}

  /** The trail of one organisation's users and registered patients. */
  record Organisation(String ods) implements AuditScope {
    public Organisation {
      Objects.requireNonNull(ods, "ods");
      if (ods.isBlank()) {
        throw new IllegalArgumentException("an organisation scope needs an ODS code");
      }
    }
  }

  static AuditScope federation() {
    return new Federation();
  }

  static AuditScope organisation(String ods) {
    return new Organisation(ods);
  }
}
