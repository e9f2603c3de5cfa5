package org.carelens.gateway.consent.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * A sharing agreement as plain strings, read from its YAML with SnakeYAML alone: not with the
 * policy module's loader, so a mistake there cannot hide here. Defaults for the blocks an agreement
 * may leave out are those PRODUCT.md and issue 10 state (self-claim and break-glass: clinicians
 * only, 10 a day; permission to view: clinicians, pharmacists and social workers, at most 24 hours,
 * for the recording user only).
 *
 * @param organisationTypes the viewer organisation types the agreement names
 * @param sources source id to what it shares
 * @param roleSections role code to the section keys it may see
 * @param sensitive sensitivity label code (as agreements spell it, e.g. {@code hiv}) to the roles
 *     that may see items carrying it; a label not listed is seen by no one
 * @param igRoles the roles that keep the consent registers: {@code ig-officer}, and the roles the
 *     agreement's {@code audit.federationRoles} names
 * @param signIn who may sign in rather than be launched, in which role, and who may search
 */
public record AgreementRules(
    String id,
    List<String> organisationTypes,
    Map<String, SourceRule> sources,
    Map<String, Set<String>> roleSections,
    Map<String, Set<String>> sensitive,
    BreakGlass breakGlass,
    SelfClaim selfClaim,
    Permission permission,
    Set<String> igRoles,
    SignIn signIn) {

  /** Issue 10's coded reasons for a self-claim, for an agreement that names none. */
  static final List<String> DEFAULT_CLAIM_REASONS =
      List.of("covering-colleague", "referral-received", "patient-on-caseload", "patient-present");

  /** The sections of the canonical record model (PRODUCT.md), which {@code all} stands for. */
  public static final List<String> SECTIONS =
      List.of(
          "alerts",
          "allergies",
          "medications",
          "problems",
          "encounters",
          "results",
          "immunisations",
          "documents",
          "referrals",
          "careTeam",
          "socialCare");

  /**
   * One source: whether the patient's explicit permission is needed (share-in), and which sections
   * it shares with each viewer organisation type (share-out).
   */
  public record SourceRule(boolean explicitShareIn, Map<String, Set<String>> sectionsByViewer) {

    /** The sections shared with this organisation type; none for a type no share lists. */
    public Set<String> sectionsFor(String organisationType) {
      return sectionsByViewer.getOrDefault(organisationType, Set.of());
    }
  }

  /** Break-glass: who may declare it, for how long, how often, and whether dissent yields. */
  public record BreakGlass(
      Set<String> roles, Duration duration, int dailyCap, boolean overridesDissent) {}

  /** Self-claimed relationships: who may claim, with which reason codes, how often. */
  public record SelfClaim(Set<String> roles, Set<String> reasonCodes, int dailyCap) {}

  /** Permission to view: who may record it, for how long, and whether colleagues share it. */
  public record Permission(Set<String> roles, Duration maxDuration, boolean organisationWide) {}

  /**
   * Sign-in (issue 11): users not launched in context sign in with NHS CIS2, acting in the role the
   * agreement maps their selected national RBAC job role to, for an organisation party to the
   * agreement. Without the block nobody signs in; {@code searchRoles} defaults to clinicians,
   * pharmacists and social workers, the users who look patients up (PRODUCT.md's user table).
   *
   * @param nationalRoles national RBAC job role code (e.g. {@code R8000}) to role code
   * @param organisations ODS code to the organisation's viewer type
   * @param searchRoles the roles that may search the spine and open a patient they found
   */
  public record SignIn(
      Map<String, String> nationalRoles,
      Map<String, String> organisations,
      Set<String> searchRoles) {}

  /** The text of an agreement on the class path, e.g. {@code agreements/riverside.yml}. */
  public static String text(String resource) {
    try (InputStream in = AgreementRules.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No agreement at classpath:" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an agreement's YAML text. */
  @SuppressWarnings("unchecked")
  public static AgreementRules read(String yaml) {
    Map<String, Object> root = new Yaml().load(yaml);
    Map<String, SourceRule> sources = new LinkedHashMap<>();
    ((Map<String, Object>) root.get("sources"))
        .forEach((id, value) -> sources.put(id, source((Map<String, Object>) value)));
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    ((Map<String, Object>) root.get("roles"))
        .forEach((role, sections) -> roles.put(role, sections(sections)));
    Map<String, Set<String>> sensitive = new LinkedHashMap<>();
    ((Map<String, Object>) root.getOrDefault("sensitive", Map.of()))
        .forEach((label, who) -> sensitive.put(label, strings(who)));
    Map<String, Object> glass = block(root, "breakGlass");
    Map<String, Object> claim = block(root, "selfClaim");
    Map<String, Object> permission = block(root, "permissionToView");
    Set<String> igRoles = new LinkedHashSet<>(List.of("ig-officer"));
    igRoles.addAll(strings(block(root, "audit").getOrDefault("federationRoles", List.of())));
    Map<String, Object> signIn = block(root, "signIn");
    Map<String, String> nationalRoles = new LinkedHashMap<>();
    ((Map<Object, Object>) signIn.getOrDefault("nationalRoles", Map.of()))
        .forEach((code, role) -> nationalRoles.put(String.valueOf(code), String.valueOf(role)));
    Map<String, String> organisations = new LinkedHashMap<>();
    ((Map<Object, Map<String, Object>>) signIn.getOrDefault("organisations", Map.of()))
        .forEach((ods, o) -> organisations.put(String.valueOf(ods), String.valueOf(o.get("type"))));
    return new AgreementRules(
        String.valueOf(root.get("agreement")),
        List.copyOf(strings(root.get("organisationTypes"))),
        sources,
        roles,
        sensitive,
        new BreakGlass(
            strings(glass.getOrDefault("roles", List.of("clinician"))),
            duration(glass.getOrDefault("duration", "4h")),
            ((Number) glass.getOrDefault("dailyCap", 10)).intValue(),
            Boolean.TRUE.equals(glass.get("overridesDissent"))),
        new SelfClaim(
            strings(claim.getOrDefault("roles", List.of("clinician"))),
            claim.containsKey("reasons")
                ? ((Map<String, Object>) claim.get("reasons")).keySet()
                : new LinkedHashSet<>(DEFAULT_CLAIM_REASONS),
            ((Number) claim.getOrDefault("dailyCap", 10)).intValue()),
        new Permission(
            strings(
                permission.getOrDefault(
                    "roles", List.of("clinician", "pharmacist", "social-worker"))),
            duration(permission.getOrDefault("maxDuration", "24h")),
            "organisation".equals(permission.get("scope"))),
        igRoles,
        new SignIn(
            nationalRoles,
            organisations,
            strings(
                signIn.getOrDefault(
                    "searchRoles", List.of("clinician", "pharmacist", "social-worker")))));
  }

  @SuppressWarnings("unchecked")
  private static SourceRule source(Map<String, Object> value) {
    Map<String, Set<String>> byViewer = new LinkedHashMap<>();
    for (Map<String, Object> share : (List<Map<String, Object>>) value.get("shares")) {
      Set<String> sections = sections(share.get("sections"));
      for (String viewer : strings(share.get("viewers"))) {
        byViewer.computeIfAbsent(viewer, v -> new LinkedHashSet<>()).addAll(sections);
      }
    }
    return new SourceRule("explicit".equals(value.get("shareIn")), byViewer);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> block(Map<String, Object> root, String key) {
    Object block = root.get(key);
    return block == null ? Map.of() : (Map<String, Object>) block;
  }

  private static Set<String> sections(Object value) {
    if ("all".equals(value)) {
      return new LinkedHashSet<>(SECTIONS);
    }
    if ("none".equals(value)) {
      return Set.of();
    }
    return strings(value);
  }

  @SuppressWarnings("unchecked")
  private static Set<String> strings(Object value) {
    Set<String> strings = new LinkedHashSet<>();
    for (Object o : (List<Object>) value) {
      strings.add(String.valueOf(o));
    }
    return strings;
  }

  /** {@code 30m}, {@code 4h}, {@code 7d}: the only forms the agreements use. */
  static Duration duration(Object value) {
    String text = String.valueOf(value).strip();
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("Unreadable duration '" + text + "'");
    };
  }
}
