package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/** Who the gateway assembled the view for. */
@Serdeable
public record Viewer(
    @Nullable String userId,
    @Nullable String name,
    @Nullable String role,
    @Nullable String organisation) {}
