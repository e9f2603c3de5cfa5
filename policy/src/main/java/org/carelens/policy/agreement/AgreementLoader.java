package org.carelens.policy.agreement;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.policy.Role;
import org.carelens.policy.RoleSectionMatrix;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses a sharing agreement from YAML text. Every problem is reported with the file name and the
 * line it is on, and unknown keys are errors (a misspelt key must not silently share nothing, or
 * everything). The YAML is composed into nodes only, never into arbitrary objects.
 *
 * <pre>
 * agreement: riverside-shared-care
 * version: 3
 * effective: 2026-11-01
 * organisationTypes: [out-of-hours, acute-trust, local-authority]
 * sources:
 *   gp:
 *     shareIn: implied            # or explicit: permission to view recorded at point of care
 *     shares:
 *       - viewers: [out-of-hours, acute-trust]
 *         sections: all
 *       - viewers: [local-authority]
 *         sections: [alerts, careTeam]
 * roles:                          # optional; defaults to RoleSectionMatrix.defaults()
 *   clinician: all
 *   social-worker: [alerts, careTeam, socialCare]
 * sensitive:                      # optional; label: roles that may see it
 *   mental-health-notes: [clinician]
 * breakGlass:
 *   overridesDissent: false
 *   duration: 4h
 *   reasons: [Patient unconscious or unable to consent, ...]
 *   roles: [clinician]              # optional; default clinicians only
 *   dailyCap: 10                    # optional; declarations per user in any 24 hours
 * selfClaim:                        # optional; relationships with patients not launched for
 *   roles: [clinician]              # default clinicians only
 *   dailyCap: 10                    # claims per user in any 24 hours
 *   reasons:                        # code: what the user sees; default SelfClaimRules.DEFAULT_REASONS
 *     covering-colleague: Covering for a colleague's patient
 * permissionToView:                 # optional
 *   roles: [clinician, pharmacist, social-worker]   # the default
 *   maxDuration: 24h                # the default; at most 7 days
 *   scope: user                     # or organisation; default user
 * audit:                            # optional
 *   federationRoles: [federation-ig] # IG roles that audit every organisation; default none
 * </pre>
 */
public final class AgreementLoader {

  static final List<String> DEFAULT_BREAK_GLASS_REASONS =
      List.of(
          "Patient unconscious or unable to consent",
          "Immediate risk to life",
          "Safeguarding emergency",
          "Other emergency (describe)");

  private final String file;

  private AgreementLoader(String file) {
    this.file = file;
  }

  /**
   * Parses {@code yaml}.
   *
   * @param file the file name, used in error messages
   * @throws AgreementException naming the file, line and problem
   */
  public static SharingAgreement parse(String yaml, String file) {
    return new AgreementLoader(file).parse(yaml);
  }

  private SharingAgreement parse(String yaml) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      throw new AgreementException(file, line, "not valid YAML: " + e.getProblem());
    }
    if (root == null) {
      throw new AgreementException(file, 1, "the agreement is empty");
    }
    Map<String, Node> top =
        map(
            root,
            "the agreement",
            Set.of(
                "agreement",
                "version",
                "effective",
                "organisationTypes",
                "sources",
                "roles",
                "sensitive",
                "breakGlass",
                "selfClaim",
                "permissionToView",
                "audit"));
    String id = scalar(required(top, "agreement", root), "agreement");
    int version = positiveInt(required(top, "version", root), "version");
    Optional<LocalDate> effective =
        Optional.ofNullable(top.get("effective")).map(n -> date(n, "effective"));
    Node typesNode = required(top, "organisationTypes", root);
    Set<String> types = new LinkedHashSet<>(strings(typesNode, "organisationTypes"));
    if (types.isEmpty()) {
      throw error(typesNode, "organisationTypes must list at least one organisation type");
    }
    Map<String, SourceSharing> sources = sources(required(top, "sources", root), types);
    RoleSectionMatrix roles =
        top.containsKey("roles") ? roles(top.get("roles")) : RoleSectionMatrix.defaults();
    Map<Sensitivity, Set<Role>> sensitive =
        top.containsKey("sensitive") ? sensitive(top.get("sensitive")) : defaultSensitive();
    BreakGlassRules breakGlass =
        top.containsKey("breakGlass")
            ? breakGlass(top.get("breakGlass"))
            : new BreakGlassRules(false, Duration.ofHours(4), DEFAULT_BREAK_GLASS_REASONS);
    SelfClaimRules selfClaim =
        top.containsKey("selfClaim") ? selfClaim(top.get("selfClaim")) : SelfClaimRules.defaults();
    PermissionToViewRules permissionToView =
        top.containsKey("permissionToView")
            ? permissionToView(top.get("permissionToView"))
            : PermissionToViewRules.defaults();
    AuditScopeRules audit =
        top.containsKey("audit") ? audit(top.get("audit")) : AuditScopeRules.defaults();
    return new SharingAgreement(
        id,
        version,
        effective,
        types,
        sources,
        roles,
        sensitive,
        breakGlass,
        selfClaim,
        permissionToView,
        audit);
  }

  /** Mental-health notes to clinicians; safeguarding detail to clinicians and social workers. */
  static Map<Sensitivity, Set<Role>> defaultSensitive() {
    Map<Sensitivity, Set<Role>> m = new EnumMap<>(Sensitivity.class);
    m.put(Sensitivity.MENTAL_HEALTH_NOTES, Set.of(Role.CLINICIAN));
    m.put(Sensitivity.SAFEGUARDING_DETAIL, Set.of(Role.CLINICIAN, Role.SOCIAL_WORKER));
    return m;
  }

  private Map<String, SourceSharing> sources(Node node, Set<String> types) {
    Map<String, SourceSharing> sources = new LinkedHashMap<>();
    for (NodeTuple tuple : tuples(node, "sources")) {
      String id = scalar(tuple.getKeyNode(), "source id");
      String path = "sources." + id;
      if (!id.matches("[a-z][a-z0-9-]*")) {
        throw error(
            tuple.getKeyNode(),
            path + ": source id must be lower-case letters, digits and hyphens");
      }
      Map<String, Node> fields = map(tuple.getValueNode(), path, Set.of("shareIn", "shares"));
      ShareIn shareIn =
          fields.containsKey("shareIn")
              ? enumValue(fields.get("shareIn"), path + ".shareIn", ShareIn.class)
              : ShareIn.IMPLIED;
      List<SourceSharing.Share> shares = new ArrayList<>();
      Node sharesNode = required(fields, "shares", tuple.getValueNode(), path);
      int i = 0;
      for (Node shareNode : sequence(sharesNode, path + ".shares")) {
        String sharePath = path + ".shares[" + i++ + "]";
        Map<String, Node> share = map(shareNode, sharePath, Set.of("viewers", "sections"));
        Node viewersNode = required(share, "viewers", shareNode, sharePath);
        List<String> viewers = strings(viewersNode, sharePath + ".viewers");
        for (String viewer : viewers) {
          if (!types.contains(viewer)) {
            throw error(
                viewersNode,
                "%s.viewers: '%s' is not one of the organisationTypes %s"
                    .formatted(sharePath, viewer, types));
          }
        }
        Set<Section> sections =
            sections(required(share, "sections", shareNode, sharePath), sharePath + ".sections");
        shares.add(new SourceSharing.Share(Set.copyOf(viewers), sections));
      }
      sources.put(id, new SourceSharing(id, shareIn, shares));
    }
    return sources;
  }

  private RoleSectionMatrix roles(Node node) {
    Map<Role, Set<Section>> roles = new EnumMap<>(Role.class);
    for (NodeTuple tuple : tuples(node, "roles")) {
      String code = scalar(tuple.getKeyNode(), "role");
      Role role =
          Role.fromCode(code)
              .orElseThrow(
                  () ->
                      error(
                          tuple.getKeyNode(),
                          "roles: unknown role '%s' (known: %s)".formatted(code, roleCodes())));
      roles.put(role, sections(tuple.getValueNode(), "roles." + code));
    }
    return new RoleSectionMatrix(roles);
  }

  private Map<Sensitivity, Set<Role>> sensitive(Node node) {
    Map<Sensitivity, Set<Role>> sensitive = new EnumMap<>(Sensitivity.class);
    for (NodeTuple tuple : tuples(node, "sensitive")) {
      String label = scalar(tuple.getKeyNode(), "sensitivity label");
      Sensitivity sensitivity;
      try {
        sensitivity = Sensitivity.valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw error(
            tuple.getKeyNode(),
            "sensitive: unknown label '%s' (known: %s)".formatted(label, sensitivityLabels()));
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String code : strings(tuple.getValueNode(), "sensitive." + label)) {
        roles.add(
            Role.fromCode(code)
                .orElseThrow(
                    () ->
                        error(
                            tuple.getValueNode(),
                            "sensitive.%s: unknown role '%s' (known: %s)"
                                .formatted(label, code, roleCodes()))));
      }
      sensitive.put(sensitivity, roles);
    }
    return sensitive;
  }

  private BreakGlassRules breakGlass(Node node) {
    Map<String, Node> fields =
        map(
            node,
            "breakGlass",
            Set.of("overridesDissent", "duration", "reasons", "roles", "dailyCap"));
    boolean overrides =
        fields.containsKey("overridesDissent")
            && bool(fields.get("overridesDissent"), "breakGlass.overridesDissent");
    Duration duration =
        fields.containsKey("duration")
            ? duration(fields.get("duration"), "breakGlass.duration", Duration.ofHours(24))
            : Duration.ofHours(4);
    List<String> reasons =
        fields.containsKey("reasons")
            ? strings(fields.get("reasons"), "breakGlass.reasons")
            : DEFAULT_BREAK_GLASS_REASONS;
    if (reasons.isEmpty()) {
      throw error(fields.get("reasons"), "breakGlass.reasons must list at least one reason");
    }
    Set<Role> roles =
        fields.containsKey("roles")
            ? roleList(fields.get("roles"), "breakGlass.roles")
            : BreakGlassRules.DEFAULT_ROLES;
    int cap =
        fields.containsKey("dailyCap")
            ? positiveInt(fields.get("dailyCap"), "breakGlass.dailyCap")
            : BreakGlassRules.DEFAULT_DAILY_CAP;
    return new BreakGlassRules(overrides, duration, reasons, roles, cap);
  }

  private SelfClaimRules selfClaim(Node node) {
    Map<String, Node> fields = map(node, "selfClaim", Set.of("roles", "reasons", "dailyCap"));
    Set<Role> roles =
        fields.containsKey("roles")
            ? roleList(fields.get("roles"), "selfClaim.roles")
            : SelfClaimRules.DEFAULT_ROLES;
    Map<String, String> reasons = SelfClaimRules.DEFAULT_REASONS;
    if (fields.containsKey("reasons")) {
      reasons = new LinkedHashMap<>();
      for (NodeTuple tuple : tuples(fields.get("reasons"), "selfClaim.reasons")) {
        String code = scalar(tuple.getKeyNode(), "selfClaim.reasons code");
        if (!code.matches("[a-z][a-z0-9-]*")) {
          throw error(
              tuple.getKeyNode(),
              "selfClaim.reasons: code '%s' must be lower-case letters, digits and hyphens"
                  .formatted(code));
        }
        reasons.put(code, scalar(tuple.getValueNode(), "selfClaim.reasons." + code));
      }
      if (reasons.isEmpty()) {
        throw error(fields.get("reasons"), "selfClaim.reasons must list at least one reason");
      }
    }
    int cap =
        fields.containsKey("dailyCap")
            ? positiveInt(fields.get("dailyCap"), "selfClaim.dailyCap")
            : SelfClaimRules.DEFAULT_DAILY_CAP;
    return new SelfClaimRules(roles, reasons, cap);
  }

  private PermissionToViewRules permissionToView(Node node) {
    Map<String, Node> fields =
        map(node, "permissionToView", Set.of("roles", "maxDuration", "scope"));
    Set<Role> roles =
        fields.containsKey("roles")
            ? roleList(fields.get("roles"), "permissionToView.roles")
            : PermissionToViewRules.DEFAULT_ROLES;
    // PRODUCT.md rule 4 bounds permission by the agreement's duration; a week is the most any
    // agreement may set, so a typo cannot make a permission last a year.
    Duration max =
        fields.containsKey("maxDuration")
            ? duration(
                fields.get("maxDuration"), "permissionToView.maxDuration", Duration.ofDays(7))
            : PermissionToViewRules.DEFAULT_MAX_DURATION;
    PermissionToViewRules.Scope scope =
        fields.containsKey("scope")
            ? enumValue(
                fields.get("scope"), "permissionToView.scope", PermissionToViewRules.Scope.class)
            : PermissionToViewRules.Scope.USER;
    return new PermissionToViewRules(roles, max, scope);
  }

  private AuditScopeRules audit(Node node) {
    Map<String, Node> fields = map(node, "audit", Set.of("federationRoles"));
    if (!fields.containsKey("federationRoles")) {
      return AuditScopeRules.defaults();
    }
    Node rolesNode = fields.get("federationRoles");
    Set<Role> roles = roleList(rolesNode, "audit.federationRoles");
    try {
      return new AuditScopeRules(roles);
    } catch (IllegalArgumentException e) {
      throw error(rolesNode, e.getMessage());
    }
  }

  private Set<Role> roleList(Node node, String path) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String code : strings(node, path)) {
      roles.add(
          Role.fromCode(code)
              .orElseThrow(
                  () ->
                      error(
                          node,
                          "%s: unknown role '%s' (known: %s)".formatted(path, code, roleCodes()))));
    }
    return roles;
  }

  private Set<Section> sections(Node node, String path) {
    if (node instanceof ScalarNode scalar) {
      return switch (scalar.getValue()) {
        case "all" -> EnumSet.allOf(Section.class);
        case "none" -> EnumSet.noneOf(Section.class);
        default ->
            throw error(
                node,
                path
                    + ": expected a list of sections, 'all' or 'none', was '"
                    + scalar.getValue()
                    + "'");
      };
    }
    Set<Section> sections = EnumSet.noneOf(Section.class);
    for (String key : strings(node, path)) {
      sections.add(
          Section.fromKey(key)
              .orElseThrow(
                  () ->
                      error(
                          node,
                          "%s: unknown section '%s' (known: %s)"
                              .formatted(
                                  path,
                                  key,
                                  List.of(Section.values()).stream().map(Section::key).toList()))));
    }
    return sections;
  }

  private Duration duration(Node node, String path, Duration max) {
    String text = scalar(node, path);
    try {
      Duration d;
      if (text.matches("\\d+[dhm]")) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        d =
            switch (text.charAt(text.length() - 1)) {
              case 'd' -> Duration.ofDays(n);
              case 'h' -> Duration.ofHours(n);
              default -> Duration.ofMinutes(n);
            };
      } else {
        d = Duration.parse(text);
      }
      if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
        throw error(
            node,
            "%s: must be more than zero and at most %s, was %s".formatted(path, human(max), text));
      }
      return d;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw error(node, path + ": expected a duration like 4h, 30m or PT4H, was '" + text + "'");
    }
  }

  private static String human(Duration d) {
    return d.toHours() % 24 == 0 && d.toHours() > 24 ? d.toDays() + "d" : d.toHours() + "h";
  }

  private Map<String, Node> map(Node node, String path, Set<String> allowed) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : tuples(node, path)) {
      String key = scalar(tuple.getKeyNode(), path + " key");
      if (!allowed.contains(key)) {
        throw error(
            tuple.getKeyNode(),
            "%s: unknown key '%s' (allowed: %s)"
                .formatted(path, key, allowed.stream().sorted().toList()));
      }
      fields.put(key, tuple.getValueNode());
    }
    return fields;
  }

  private List<NodeTuple> tuples(Node node, String path) {
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, path + ": expected a mapping of keys to values");
    }
    // Composing to nodes skips SnakeYAML's duplicate-key check: a second "version" or a source
    // listed twice would otherwise silently win.
    Set<String> seen = new LinkedHashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
        throw error(key, path + ": duplicate key '" + key.getValue() + "'");
      }
    }
    return mapping.getValue();
  }

  private List<Node> sequence(Node node, String path) {
    if (!(node instanceof SequenceNode sequence)) {
      throw error(node, path + ": expected a list");
    }
    return sequence.getValue();
  }

  private List<String> strings(Node node, String path) {
    List<String> values = new ArrayList<>();
    for (Node item : sequence(node, path)) {
      values.add(scalar(item, path));
    }
    return values;
  }

  private String scalar(Node node, String path) {
    if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
      throw error(node, path + ": expected a single non-empty value");
    }
    return scalar.getValue().strip();
  }

  private int positiveInt(Node node, String path) {
    String text = scalar(node, path);
    try {
      int value = Integer.parseInt(text);
      if (value < 1) {
        throw error(node, path + ": must be 1 or more, was " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw error(node, path + ": expected a whole number, was '" + text + "'");
    }
  }

  private boolean bool(Node node, String path) {
    String text = scalar(node, path);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(node, path + ": expected true or false, was '" + text + "'");
    };
  }

  private LocalDate date(Node node, String path) {
    String text = scalar(node, path);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw error(node, path + ": expected a date like 2026-11-01, was '" + text + "'");
    }
  }

  private <E extends Enum<E>> E enumValue(Node node, String path, Class<E> type) {
    String text = scalar(node, path);
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(
          node,
          "%s: expected one of %s, was '%s'"
              .formatted(
                  path,
                  List.of(type.getEnumConstants()).stream()
                      .map(c -> c.name().toLowerCase(Locale.ROOT))
                      .toList(),
                  text));
    }
  }

  private Node required(Map<String, Node> fields, String key, Node parent) {
    return required(fields, key, parent, "the agreement");
  }

  private Node required(Map<String, Node> fields, String key, Node parent, String path) {
    Node node = fields.get(key);
    if (node == null) {
      throw error(parent, path + ": '" + key + "' is required");
    }
    return node;
  }

  private AgreementException error(Node node, String problem) {
    return new AgreementException(file, node.getStartMark().getLine() + 1, problem);
  }

  private static List<String> roleCodes() {
    return List.of(Role.values()).stream().map(Role::code).toList();
  }

  private static List<String> sensitivityLabels() {
    return List.of(Sensitivity.values()).stream()
        .map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .toList();
  }
}
