package org.carelens.gateway.record;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The data of one {@code source} event on the record stream: one source's status, as in the record
 * view's {@code sources[]}, and its own items after policy, in the record view's section shape.
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
    RecordView.Sections sections) {}
