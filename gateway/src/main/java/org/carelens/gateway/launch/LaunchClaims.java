package org.carelens.gateway.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.policy.Role;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;

/**
 * Reads the GP Connect-style claims of a verified token into a {@link LaunchContext}. Every missing
 * or mistyped claim is a rejection that names the claim.
 */
final class LaunchClaims {

  static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

  private LaunchClaims() {}

  static LaunchContext read(JWTClaimsSet claims) {
    String reason = string(claims, "reason_for_request");
    if (!"directcare".equals(reason)) {
      // PRODUCT.md rule 1: direct care only.
      throw new LaunchRejectedException(
          LaunchRefusal.REASON_NOT_DIRECT_CARE,
          "reason_for_request must be 'directcare', was '" + reason + "'");
    }
    Map<String, Object> record = object(claims, "requested_record");
    Map<String, Object> practitioner = object(claims, "requesting_practitioner");
    Map<String, Object> organisation = object(claims, "requesting_organization");
    Map<String, Object> device = object(claims, "requesting_device");

    String roleCode = member(practitioner, "requesting_practitioner", "role");
    Role role =
        Role.fromCode(roleCode)
            .orElseThrow(
                () ->
                    new LaunchRejectedException(
                        LaunchRefusal.ROLE_UNKNOWN,
                        "requesting_practitioner.role '" + roleCode + "' is not a known role"));
    String nhs =
        identifier(record, NHS_NUMBER_SYSTEM)
            .orElseThrow(
                () ->
                    new LaunchRejectedException(
                        LaunchRefusal.REQUESTED_RECORD_INVALID,
                        "requested_record has no NHS number identifier"));
    NhsNumber nhsNumber;
    try {
      nhsNumber = new NhsNumber(nhs);
    } catch (InvalidNhsNumberException e) {
      throw new LaunchRejectedException(
          LaunchRefusal.REQUESTED_RECORD_INVALID, "requested_record: " + e.getMessage());
    }
    String ods =
        identifier(organisation, ODS_SYSTEM)
            .orElseThrow(
                () ->
                    new LaunchRejectedException(
                        LaunchRefusal.CLAIM_MISSING,
                        "requesting_organization has no ODS code identifier"));
    return new LaunchContext(
        claims.getIssuer(),
        claims.getJWTID(),
        claims.getSubject(),
        displayName(practitioner).orElse(claims.getSubject()),
        role,
        ods,
        optionalMember(organisation, "name").orElse(ods),
        member(organisation, "requesting_organization", "type"),
        identifier(device, null).orElse(optionalMember(device, "model").orElse("unknown device")),
        reason,
        nhsNumber,
        claims.getExpirationTime().toInstant());
  }

  private static String string(JWTClaimsSet claims, String name) {
    try {
      String value = claims.getStringClaim(name);
      if (value == null || value.isBlank()) {
        throw new LaunchRejectedException(
            LaunchRefusal.CLAIM_MISSING, "claim " + name + " is missing");
      }
      return value;
    } catch (ParseException e) {
      throw new LaunchRejectedException(
          LaunchRefusal.CLAIM_INVALID, "claim " + name + " must be a string");
    }
  }

  private static Map<String, Object> object(JWTClaimsSet claims, String name) {
    try {
      Map<String, Object> value = claims.getJSONObjectClaim(name);
      if (value == null) {
        throw new LaunchRejectedException(
            LaunchRefusal.CLAIM_MISSING, "claim " + name + " is missing");
      }
      return value;
    } catch (ParseException e) {
      throw new LaunchRejectedException(
          LaunchRefusal.CLAIM_INVALID, "claim " + name + " must be an object");
    }
  }

  private static String member(Map<String, Object> object, String claim, String name) {
    Object value = object.get(name);
    if (value == null) {
      throw new LaunchRejectedException(
          LaunchRefusal.CLAIM_MISSING, claim + "." + name + " is missing");
    }
    return optionalMember(object, name)
        .orElseThrow(
            () ->
                new LaunchRejectedException(
                    LaunchRefusal.CLAIM_INVALID,
                    claim + "." + name + " must be a non-blank string"));
  }

  private static Optional<String> optionalMember(Map<String, Object> object, String name) {
    return object.get(name) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /** The value of the first identifier with {@code system}, or of the first identifier if null. */
  private static Optional<String> identifier(Map<String, Object> object, String system) {
    if (!(object.get("identifier") instanceof List<?> identifiers)) {
      return Optional.empty();
    }
    for (Object candidate : identifiers) {
      if (candidate instanceof Map<?, ?> id
          && (system == null || system.equals(id.get("system")))
          && id.get("value") instanceof String value) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> displayName(Map<String, Object> practitioner) {
    if (!(practitioner.get("name") instanceof List<?> names)
        || names.isEmpty()
        || !(names.get(0) instanceof Map<?, ?> name)) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    for (String part : List.of("prefix", "given")) {
      if (name.get(part) instanceof List<?> values) {
        values.forEach(v -> text.append(v).append(' '));
      }
    }
    if (name.get("family") instanceof String family) {
      text.append(family);
    }
    String result = text.toString().strip();
    return result.isEmpty() ? Optional.empty() : Optional.of(result);
  }
}
