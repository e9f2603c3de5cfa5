package org.carelens.gateway.record;

import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The data of one {@code source} event on the record stream: one source's status, as in the record
 * view's {@code sources[]}, and its own items after policy, in the record view's section shape,
 * with the obligations policy attached to that source and the sections it could not read completely
 * ({@code incompleteSections}, as in {@code sources[]}).
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
    RecordView.Sections sections,
    List<String> obligations,
    List<RecordView.IncompleteSectionView> incompleteSections) {

  @Creator
  public SourceEvent {
    obligations = List.copyOf(obligations);
    incompleteSections = List.copyOf(incompleteSections);
  }

  /** A source event with no obligations. */
  public SourceEvent(
      String id,
      String name,
      String status,
      long elapsedMs,
      boolean cached,
      @Nullable Instant retrievedAt,
      @Nullable String reason,
      @Nullable String detail,
      RecordView.Sections sections) {
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
        List.of(),
        List.of());
  }
}
