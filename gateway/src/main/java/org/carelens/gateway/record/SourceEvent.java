package org.carelens.gateway.record;

import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The data of one {@code source} event on the record stream: one source's status, as in the record
 * view's {@code sources[]}, and its own items after policy, in the record view's section shape,
 * with the obligations policy attached to that source.
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
    List<String> obligations) {

  @Creator
  public SourceEvent {
    obligations = List.copyOf(obligations);
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
    this(id, name, status, elapsedMs, cached, retrievedAt, reason, detail, sections, List.of());
  }
}
