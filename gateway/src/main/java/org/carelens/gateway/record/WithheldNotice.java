package org.carelens.gateway.record;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carelens.policy.Decision;
import org.jspecify.annotations.Nullable;

/**
 * Why a section was withheld, as the viewer is told it: reason classes as codes, and a notice that
 * tells the truth without leaking (issue 9, PRODUCT.md rule 6). Causes that hold for every patient
 * (the viewer's role or organisation type, a source that needs the patient's permission to view)
 * get plain words naming the rule; causes specific to this patient (dissent, confidential or
 * sensitive items) get only GP Connect's generic wording, never counts or types.
 *
 * @param reasons the reason classes, in {@link Reason} order
 * @param notice what the viewer reads; null when nothing was withheld
 */
record WithheldNotice(List<String> reasons, @Nullable String notice) {

  static final WithheldNotice NONE = new WithheldNotice(List.of(), null);

  /** The reason classes of the API's {@code withheldReasons}. */
  enum Reason {
    /** The viewer's role or organisation type is not shared this section (every patient). */
    ROLE(false),
    /**
     * The source shares only with the patient's permission to view (every patient, until given).
     */
    PERMISSION_REQUIRED(false),
    /** The patient dissented from sharing (central register or at source). */
    PATIENT_DISSENT(true),
    /** The source left out or refused items it holds as confidential for this patient. */
    CONFIDENTIAL_AT_SOURCE(true),
    /** Items carrying sensitivity labels this viewer may not see. */
    SENSITIVE(true);

    private final boolean patientSpecific;

    Reason(boolean patientSpecific) {
      this.patientSpecific = patientSpecific;
    }

    /**
     * The class of a policy or source reason code. A code not known here is treated as confidential
     * at source: the generic wording, which reveals least.
     */
    static Reason of(String reasonCode) {
      return switch (reasonCode) {
        case "ROLE_NOT_PERMITTED",
            "SECTION_NOT_SHARED",
            "NOT_SHARED_WITH_ORGANISATION_TYPE",
            "NOT_IN_AGREEMENT" ->
            ROLE;
        case "PERMISSION_TO_VIEW_REQUIRED", "BREAK_GLASS_EXPIRED" -> PERMISSION_REQUIRED;
        // GP Connect 1.6: NO_PATIENT_CONSENT means the patient dissented at the practice.
        case "PATIENT_DISSENT", "NO_PATIENT_CONSENT" -> PATIENT_DISSENT;
        case "SENSITIVE_ITEM" -> SENSITIVE;
        default -> CONFIDENTIAL_AT_SOURCE;
      };
    }
  }

  /** Who is looking, and under which agreement, for the plain wording. */
  record Context(
      String roleCode, String organisationType, String agreementId, Map<String, String> sources) {}

  /**
   * The notice for one section.
   *
   * @param withheld what policy withheld there (role matrix or per source)
   * @param excludedAtSource a source said it left out confidential items
   */
  static WithheldNotice of(
      Set<PolicyTrace.Withheld> withheld, boolean excludedAtSource, Context context) {
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    Set<String> plain = new LinkedHashSet<>();
    for (PolicyTrace.Withheld w : withheld) {
      Reason reason = Reason.of(w.reasonCode());
      reasons.add(reason);
      if (!reason.patientSpecific) {
        plain.add(sentence(w, context));
      }
    }
    if (excludedAtSource) {
      reasons.add(Reason.CONFIDENTIAL_AT_SOURCE);
    }
    if (reasons.isEmpty()) {
      return NONE;
    }
    List<String> parts = new ArrayList<>(plain);
    if (reasons.stream().anyMatch(r -> r.patientSpecific)) {
      parts.add(Decision.WITHHELD_NOTICE);
    }
    return new WithheldNotice(
        reasons.stream().map(Reason::name).toList(), String.join(". ", parts));
  }

  private static String sentence(PolicyTrace.Withheld w, Context c) {
    String source = c.sources().getOrDefault(w.sourceId(), w.sourceId());
    String agreement = "sharing agreement " + c.agreementId();
    return switch (w.reasonCode()) {
      case "ROLE_NOT_PERMITTED" ->
          "Not shared with %s under %s".formatted(plural(c.roleCode()), agreement);
      case "SECTION_NOT_SHARED", "NOT_SHARED_WITH_ORGANISATION_TYPE" ->
          "%s does not share this with %s organisations under %s"
              .formatted(source, c.organisationType(), agreement);
      case "NOT_IN_AGREEMENT" -> "%s is not part of %s".formatted(source, agreement);
      case "BREAK_GLASS_EXPIRED" -> "Break-glass access has ended";
      default ->
          "%s shares this only with the patient's permission to view, recorded at the point of care"
              .formatted(source);
    };
  }

  /**
   * "pharmacist" → "pharmacists", "social-worker" → "social workers", "ig-officer" → "IG officers".
   */
  private static String plural(String roleCode) {
    String words = roleCode.replace('-', ' ');
    if (words.startsWith("ig ")) {
      words = "IG " + words.substring(3);
    }
    return words + "s";
  }
}
