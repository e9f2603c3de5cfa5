package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * One source that answered a section but could not read all of it (the section's {@code
 * incomplete[]}).
 *
 * @param source the source id
 * @param state {@code PARTIAL} or {@code UNAVAILABLE}
 * @param unreadableItems how many listed items could not be read; null when unavailable
 * @param message the gateway's words, naming the source and the section, never the content
 */
@Serdeable
public record IncompleteEntry(
    String source, String state, @Nullable Integer unreadableItems, @Nullable String message) {}
