package org.carelens.simulators.launcher;

import java.util.Objects;

/**
 * A user of the launching system, as the launch token describes them.
 *
 * @param id the persona id used in requests, e.g. {@code ooh-doctor}
 * @param userId SDS-style user id (numeric), the token's {@code sub}
 * @param roleProfileId SDS-style role profile id (numeric)
 * @param role the Carelens role code: clinician, pharmacist, social-worker, ig-officer,
 *     federation-ig or administrator
 * @param jobTitle what the person does, for people reading the case list
 */
public record Persona(
    String id,
    String userId,
    String roleProfileId,
    String title,
    String given,
    String family,
    String role,
    String jobTitle,
    Organisation organisation) {

  /**
   * The organisation the persona works for.
   *
   * @param type the Carelens organisation type, e.g. {@code out-of-hours}, {@code acute-trust}
   */
  public record Organisation(String odsCode, String name, String type) {
    public Organisation {
      Objects.requireNonNull(odsCode, "odsCode");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public Persona {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(jobTitle, "jobTitle");
    Objects.requireNonNull(organisation, "organisation");
    if (!userId.matches("\\d{12}") || !roleProfileId.matches("\\d{12}")) {
      throw new IllegalArgumentException(
          "persona %s: SDS user and role profile ids must be 12 digits".formatted(id));
    }
  }

  /** E.g. {@code Dr Amira Khan}. */
  public String displayName() {
    return title + " " + given + " " + family;
  }
}
