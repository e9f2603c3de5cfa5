/**
 * Stateful property tests of consent (issue 16): our own seeded generator makes sequences of
 * launches, sign-ins, patient searches, claims, permissions and their revocation, break-glass,
 * dissent, views and the passing of time, plays them against the real gateway API in process (its
 * sources replaced by in-memory ones holding an item in every section with every label, the
 * demographics source also a spine that traces the sequences' patients), and after every view
 * compares what was shown with the independent oracle, both ways. A failing sequence is shrunk
 * (greedily, by {@code Scenarios.smaller}) and told as a short story. Not jqwik: its licence asks
 * AI agents not to use it.
 */
@NullMarked
package org.carelens.gateway.consent.sequences;

import org.jspecify.annotations.NullMarked;
