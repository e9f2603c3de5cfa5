package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code source} event on the record stream ({@code GET .../record/stream}): one source's
 * status, as in the record view's {@code sources[]}, and that source's own items after policy.
 * Provisional: conflicts and de-duplication exist only in the {@code complete} event's merged view.
 *
 * @param sections the source's items in the record view's section shape; null when the gateway sent
 *     none
 * @param incompleteSections the sections the source could not read completely, as in {@code
 *     sources[]}
 */
@Serdeable
public record SourceEvent(
    String id,
    String name,
    String status,
    long elapsedMs,
    boolean cached,
    @Nullable Instant retrievedAt,
    @Nullable String reason,
    @Nullable String detail,
    @Nullable Sections sections,
    @Nullable List<String> obligations,
    @Nullable List<IncompleteSection> incompleteSections) {

  public SourceEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    obligations = obligations == null ? List.of() : List.copyOf(obligations);
    incompleteSections = incompleteSections == null ? List.of() : List.copyOf(incompleteSections);
  }

  /** An event from a gateway that does not report incomplete sections. */
  public SourceEvent(
      String id,
      String name,
      String status,
      long elapsedMs,
      boolean cached,
      @Nullable Instant retrievedAt,
      @Nullable String reason,
      @Nullable String detail,
      @Nullable Sections sections,
      @Nullable List<String> obligations) {
    this(
        id,
        name,
        status,
        elapsedMs,
        cached,
        retrievedAt,
        reason,
        detail,
        sections,
        obligations,
        null);
  }

  /** The source's status as the record view's {@code sources[]} would give it. */
  public SourceView source() {
    return new SourceView(
        id,
        name,
        status,
        elapsedMs,
        cached,
        retrievedAt,
        reason,
        detail,
        incompleteSections,
        obligations);
  }

  /** Never null after construction; absent means none. */
  @Override
  public List<String> obligations() {
    return Objects.requireNonNull(obligations);
  }
}
