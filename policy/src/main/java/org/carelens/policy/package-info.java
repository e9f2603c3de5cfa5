/**
 * Access decisions as pure functions over typed inputs: no I/O, no framework, no clock of its own.
 * Every decision is a value that says which rule fired and why, so the gateway can explain and
 * audit it. Anything the policy does not positively permit is withheld (fail closed).
 */
@NullMarked
package org.carelens.policy;

import org.jspecify.annotations.NullMarked;
