package org.carelens.policy;

import java.util.Arrays;
import java.util.Optional;

/** The roles a viewer acts in. {@link #code()} is the value launch tokens and agreements use. */
public enum Role {
  CLINICIAN("clinician"),
  PHARMACIST("pharmacist"),
  SOCIAL_WORKER("social-worker"),
  IG_OFFICER("ig-officer"),
  /**
   * An information-governance lead for the whole federation: audits every organisation's users and
   * patients when the sharing agreement names the role in {@code audit.federationRoles}.
   */
  FEDERATION_IG("federation-ig"),
  ADMINISTRATOR("administrator");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The role with this code, or empty for an unknown code (which callers must refuse). */
  public static Optional<Role> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
