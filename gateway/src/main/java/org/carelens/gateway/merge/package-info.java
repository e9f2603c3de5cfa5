/**
 * Merges what the sources returned into one view: items deduplicated with provenance, conflicts
 * flagged, never resolved silently.
 */
@NullMarked
package org.carelens.gateway.merge;

import org.jspecify.annotations.NullMarked;
