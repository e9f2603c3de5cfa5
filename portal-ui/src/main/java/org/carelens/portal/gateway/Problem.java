package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem document as the gateway sends it, with its stable {@code code} extension.
 * Every member is optional on the wire, so a truncated or foreign problem still decodes.
 */
@Serdeable
public record Problem(
    @Nullable String type,
    @Nullable String title,
    @Nullable Integer status,
    @Nullable String detail,
    @Nullable String code) {}
