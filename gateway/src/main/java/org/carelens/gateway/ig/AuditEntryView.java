package org.carelens.gateway.ig;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One audit entry as the IG API shows it; {@code details} is the stored JSON, parsed. */
@Serdeable
public record AuditEntryView(
    long sequence,
    Instant time,
    String event,
    String outcome,
    @Nullable String reasonCode,
    @Nullable String userId,
    @Nullable String userName,
    @Nullable String role,
    @Nullable String organisation,
    @Nullable String patient,
    @Nullable String device,
    String correlationId,
    Map<String, @Nullable Object> details,
    String previousHash,
    String hash) {}
