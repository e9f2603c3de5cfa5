package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;

/** A source the gateway is configured to ask ({@code GET /api/v1/sources}): configuration only. */
@Serdeable
public record ConfiguredSource(String id, String name) {}
