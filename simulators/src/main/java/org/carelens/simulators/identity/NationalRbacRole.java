package org.carelens.simulators.identity;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.carelens.simulators.launcher.Persona;

/**
 * A national RBAC job role as CIS2 reports it in {@code nhsid_nrbac_roles[].role_code}: {@code
 * S<section>:G<group>:R<role>}, the role being the {@code R} code the sharing agreement maps to a
 * Carelens role.
 *
 * <p>The codes are from the national RBAC database: R8000 "Clinical Practitioner Access Role" and
 * R8003 "Health Professional Access Role" (the rationalised access roles, code system {@code
 * https://fhir.nhs.uk/Id/sds-role-code}), R0001 "Privacy Officer", R5105 "Caldicott Guardian",
 * R0243 "Other Community Health Service - Social Care Worker" and R1984 "Health Records
 * Administrator" (SDS job role names). The section and group parts are illustrative: the gateway
 * reads only the {@code R} code.
 *
 * @param code the job role, e.g. {@code R8000}
 * @param name what CIS2 puts in {@code role_name}
 * @param roleCode the full {@code role_code}, e.g. {@code S8000:G8000:R8000}
 */
public record NationalRbacRole(String code, String name, String roleCode) {

  public NationalRbacRole {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(roleCode, "roleCode");
    if (!roleCode.endsWith(":" + code)) {
      throw new IllegalArgumentException(
          "role_code '%s' must end with the job role '%s'".formatted(roleCode, code));
    }
  }

  private static final Map<String, NationalRbacRole> BY_CARELENS_ROLE =
      Map.of(
          "clinician",
          new NationalRbacRole(
              "R8000",
              "\"Clinical\":\"Clinical Provision\":\"Clinical Practitioner Access Role\"",
              "S8000:G8000:R8000"),
          "pharmacist",
          new NationalRbacRole(
              "R8003",
              "\"Clinical\":\"Clinical Provision\":\"Health Professional Access Role\"",
              "S8000:G8000:R8003"),
          "social-worker",
          new NationalRbacRole(
              "R0243",
              "\"Clinical\":\"Other Community Health Service\":\"Social Care Worker\"",
              "S8000:G0240:R0243"),
          "ig-officer",
          new NationalRbacRole(
              "R0001",
              "\"Admin & Clerical\":\"Information Governance\":\"Privacy Officer\"",
              "S8001:G8005:R0001"),
          "federation-ig",
          new NationalRbacRole(
              "R5105",
              "\"Admin & Clerical\":\"Information Governance\":\"Caldicott Guardian\"",
              "S8001:G8005:R5105"),
          "administrator",
          new NationalRbacRole(
              "R1984",
              "\"Admin & Clerical\":\"Health Records\":\"Health Records Administrator\"",
              "S8001:G8006:R1984"));

  /** The national role the persona holds at their organisation. */
  public static Optional<NationalRbacRole> of(Persona persona) {
    return Optional.ofNullable(BY_CARELENS_ROLE.get(persona.role()));
  }
}
