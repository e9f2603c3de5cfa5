/**
 * The typed inputs of a decision: who is viewing and how their relationship was established, and
 * the patient's consent state (dissent, permission to view, restriction).
 */
@NullMarked
package org.carelens.policy.consent;

import org.jspecify.annotations.NullMarked;
