package org.carelens.adapters.careplans.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;

/**
 * The two searches of the pointer service, one per section, sent at once so that a failure of one
 * costs only its section: the current plans (for {@code alerts}, which a social worker's view asks
 * for alone) and every plan, superseded ones included (for {@code documents}).
 *
 * <p>{@code GET /DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}
 * &type={every PlanType}[&status=current]}, as the NRL consumer API searches (R4 {@code
 * :identifier} modifier on the subject reference).
 */
public enum PointerSearch {
  CURRENT_PLANS(Section.ALERTS, "the current care plan search"),
  ALL_PLANS(Section.DOCUMENTS, "the care plan search");

  public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

  private final Section section;
  private final String description;

  PointerSearch(Section section, String description) {
    this.section = section;
    this.description = description;
  }

  /** The section this search feeds. */
  public Section section() {
    return section;
  }

  /** What the search is, for details and reasons ("HTTP 503 from the care plan search"). */
  public String describe() {
    return description;
  }

  /** The sections this source offers. */
  public static Set<Section> offered() {
    return EnumSet.of(Section.ALERTS, Section.DOCUMENTS);
  }

  /** The searches needed for the requested sections, in a fixed order. */
  public static List<PointerSearch> plan(Set<Section> requested) {
    List<PointerSearch> plan = new ArrayList<>();
    for (PointerSearch search : values()) {
      if (requested.contains(search.section)) {
        plan.add(search);
      }
    }
    return plan;
  }

  /** The path and query of this search for one patient. */
  public String pathAndQuery(NhsNumber nhsNumber) {
    String query =
        "/DocumentReference?subject:identifier="
            + encode(NHS_NUMBER_SYSTEM + "|" + nhsNumber.value())
            + "&type="
            + encode(PlanType.searchParameter());
    return this == CURRENT_PLANS ? query + "&status=current" : query;
  }

  /** The search for one pointer by id, for fetching its content. */
  public static String byId(NhsNumber nhsNumber, String id) {
    return ALL_PLANS.pathAndQuery(nhsNumber) + "&_id=" + encode(id);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
