package org.carelens.adapters.fhirr4.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carelens.sdk.model.Completeness;
import org.hl7.fhir.r4.model.Resource;

/**
 * The items of one section that could not be read, counted by what went wrong, so the section can
 * say it is partial instead of silently shorter. Not thread-safe: one per section per fetch.
 */
public final class UnreadableItems {

  private final Map<String, Integer> byProblem = new LinkedHashMap<>();
  private final List<String> details = new ArrayList<>();

  public void add(BadResourceException e) {
    byProblem.merge(e.problem(), 1, Integer::sum);
    details.add(e.getMessage());
  }

  /**
   * A resource the mapper failed on unexpectedly. The exception's message may quote the resource,
   * so only its class is kept.
   */
  public void add(Resource resource, RuntimeException e) {
    add(
        new BadResourceException(
            resource.fhirType() + " that could not be mapped",
            "%s could not be mapped (%s)"
                .formatted(R4Values.describe(resource), e.getClass().getSimpleName())));
  }

  /** Counts everything {@code other} counted. */
  public void addAll(UnreadableItems other) {
    other.byProblem.forEach((problem, n) -> byProblem.merge(problem, n, Integer::sum));
    details.addAll(other.details);
  }

  /** What went wrong with each item, with resource ids: for the operator's log only. */
  public List<String> details() {
    return List.copyOf(details);
  }

  public int count() {
    return byProblem.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many items had this problem ("Flag without a status"). */
  public int count(String problem) {
    return byProblem.getOrDefault(problem, 0);
  }

  /**
   * Complete when nothing was unreadable, else partial with the count and a reason such as "1
   * result of a DiagnosticReport not in the answer; 2 Flag without a status".
   */
  public Completeness completeness() {
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
