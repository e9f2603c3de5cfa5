package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * A section a source answered but could not read completely ({@code sources[].incompleteSections}).
 *
 * @param section the section key, e.g. {@code allergies}
 * @param state {@code PARTIAL} or {@code UNAVAILABLE}
 * @param unreadableItems how many listed items could not be read; null when unavailable
 * @param detail what went wrong, for the source-status detail; never patient data
 */
@Serdeable
public record IncompleteSection(
    String section, String state, @Nullable Integer unreadableItems, @Nullable String detail) {}
