/**
 * Stateful property tests of consent (issue 16): jqwik generates sequences of launches, claims,
 * permissions, break-glass, dissent, views and the passing of time, plays them against the real
 * gateway API in process (its sources replaced by in-memory ones holding an item in every section
 * with every label), and after every view compares what was shown with the independent oracle, both
 * ways. A failing sequence is shrunk and told as a short story.
 */
@NullMarked
package org.carelens.gateway.consent.sequences;

import org.jspecify.annotations.NullMarked;
