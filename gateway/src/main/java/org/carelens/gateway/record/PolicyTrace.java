package org.carelens.gateway.record;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carelens.policy.Decision;
import org.carelens.policy.Obligation;
import org.carelens.sdk.model.Section;

/**
 * What policy withheld in one view and why, for the audit trail only: the decision for each source,
 * for each section the rules that withheld something there, and each source's unredacted detail.
 * Never sent to the viewer, who sees only the generic notice (PRODUCT.md rule 6: no counts or types
 * of what was hidden).
 *
 * <p>Filled in on the view's thread as sources complete; not shared between threads.
 */
final class PolicyTrace {

  private final Map<String, Decision> sources = new LinkedHashMap<>();
  private final Map<Section, Set<String>> sections = new LinkedHashMap<>();
  private final Map<Section, Set<Withheld>> withheld = new LinkedHashMap<>();
  private final Set<Obligation> obligations = EnumSet.noneOf(Obligation.class);
  private final Map<String, String> details = new LinkedHashMap<>();

  void source(String sourceId, Decision decision) {
    sources.put(sourceId, decision);
    obligations.addAll(decision.obligations());
  }

  /** Something in {@code section} was withheld by {@code decision}. */
  void section(Section section, String sourceId, Decision.Withhold decision) {
    sections
        .computeIfAbsent(section, s -> new TreeSet<>())
        .add(sourceId + ":" + decision.reasonCode() + ":" + decision.ruleId());
    withheld
        .computeIfAbsent(section, s -> new java.util.LinkedHashSet<>())
        .add(new Withheld(sourceId, decision.reasonCode()));
    obligations.addAll(decision.obligations());
    obligations.add(Obligation.SHOW_WITHHELD_NOTICE);
  }

  /**
   * A source's detail as the adapter or gateway gave it, addresses included: for the audit trail
   * only, since the viewer reads it without them ({@link ViewerDetail}).
   */
  void detail(String sourceId, String detail) {
    details.put(sourceId, detail);
  }

  Map<String, String> details() {
    return details;
  }

  Map<String, Decision> sources() {
    return sources;
  }

  Set<Section> withheldSections() {
    return sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections.keySet());
  }

  /** Per section, {@code source:reasonCode:rule} for each thing withheld there. */
  Map<Section, Set<String>> sectionReasons() {
    return sections;
  }

  /**
   * What was withheld in one section, by whom ({@code role} for the role matrix, else the source
   * id) and the decision's reason code; for the viewer's {@code withheldReasons} and notice.
   */
  Set<Withheld> withheld(Section section) {
    return withheld.getOrDefault(section, Set.of());
  }

  /** Something withheld in a section: by the role matrix ({@link #ROLE}) or for one source. */
  record Withheld(String sourceId, String reasonCode) {}

  /** The {@link Withheld#sourceId()} of a section the viewer's role may not see at all. */
  static final String ROLE = "role";

  Set<Obligation> obligations() {
    return obligations;
  }

  /** The obligations as the API names them, in a stable order. */
  static List<String> names(Set<Obligation> obligations) {
    List<String> names = new ArrayList<>();
    for (Obligation o : Obligation.values()) {
      if (obligations.contains(o)) {
        names.add(o.name());
      }
    }
    return names;
  }
}
