package org.carelens.policy.agreement;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.carelens.policy.Role;

/**
 * Users who sign in (NHS CIS2) rather than being launched in context (issue 11): which national
 * RBAC job roles act in which Carelens role, which organisations are party to the agreement and of
 * what type, and which roles may search the spine for a patient and open one they found.
 *
 * <p>Fail closed: a national role code or organisation not listed here is refused at sign-in, so an
 * agreement without this section lets nobody sign in.
 *
 * @param nationalRoles national RBAC job role code (the {@code R} code, e.g. {@code R8000}) to the
 *     Carelens role its holders act in
 * @param organisations ODS code to the organisation's name and its viewer type (one of the
 *     agreement's {@code organisationTypes}, which decides what its users see)
 * @param searchRoles the roles that may search for a patient and open one they found (with a coded
 *     reason, under the self-claim daily cap)
 */
public record SignInRules(
    Map<String, Role> nationalRoles, Map<String, Member> organisations, Set<Role> searchRoles) {

  /** Clinicians, pharmacists and social workers: the users who look patients up. */
  public static final Set<Role> DEFAULT_SEARCH_ROLES =
      Set.of(Role.CLINICIAN, Role.PHARMACIST, Role.SOCIAL_WORKER);

  /** An organisation party to the agreement. */
  public record Member(String name, String type) {
    public Member {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public SignInRules {
    nationalRoles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nationalRoles));
    organisations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(organisations));
    searchRoles = searchRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(searchRoles));
    for (String code : nationalRoles.keySet()) {
      if (!code.matches("R\\d{4}")) {
        throw new IllegalArgumentException(
            "signIn.nationalRoles: '%s' is not a national RBAC job role code (R and four digits)"
                .formatted(code));
      }
    }
  }

  /** Nobody signs in: no national role is mapped and no organisation is listed. */
  public static SignInRules none() {
    return new SignInRules(Map.of(), Map.of(), DEFAULT_SEARCH_ROLES);
  }

  /** The Carelens role for a national RBAC job role code, or empty if it is not mapped. */
  public Optional<Role> role(String nationalRoleCode) {
    return Optional.ofNullable(nationalRoles.get(nationalRoleCode));
  }

  /** The member organisation with this ODS code, or empty if it is not party to the agreement. */
  public Optional<Member> organisation(String odsCode) {
    return Optional.ofNullable(organisations.get(odsCode));
  }
}
