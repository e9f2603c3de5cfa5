package org.carelens.adapters.gpconnect.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carelens.sdk.model.Completeness;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The items of one section that could not be read, counted by what went wrong, so the section can
 * say it is partial instead of silently shorter. Not thread-safe: one per section per mapping.
 */
final class UnreadableItems {

  private final Map<String, Integer> byProblem = new LinkedHashMap<>();
  private final List<String> details = new ArrayList<>();

  void add(BadResourceException e) {
    byProblem.merge(e.problem(), 1, Integer::sum);
    details.add(e.getMessage());
  }

  /**
   * An item the mapper failed on unexpectedly. The exception's message may quote the item, so only
   * its class is kept.
   */
  void add(Resource resource, RuntimeException e) {
    add(
        new BadResourceException(
            resource.fhirType() + " that could not be mapped",
            "%s could not be mapped (%s)"
                .formatted(Stu3Values.describe(resource), e.getClass().getSimpleName())));
  }

  /** What went wrong with each item, with resource ids: for the operator's log only. */
  List<String> details() {
    return List.copyOf(details);
  }

  int count() {
    return byProblem.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Complete when nothing was unreadable, else partial with the count and a reason such as "1
   * listed AllergyIntolerance not in the bundle; 2 Condition without a code".
   */
  Completeness completeness() {
    if (byProblem.isEmpty()) {
      return Completeness.complete();
    }
    String reason =
        byProblem.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining("; "));
    return Completeness.partial(count(), reason);
  }
}
