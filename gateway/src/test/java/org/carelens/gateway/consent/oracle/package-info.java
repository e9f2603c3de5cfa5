/**
 * An independent oracle for consent (issue 16): the sharing agreement read from its YAML with
 * SnakeYAML alone, PRODUCT.md's rules written down item by item ({@link
 * org.carelens.gateway.consent.oracle.ConsentRules}), and the history of actions that decides who
 * stands where with which patient ({@link org.carelens.gateway.consent.oracle.ConsentOracle}). It
 * depends on nothing but the JDK and SnakeYAML, never on the policy module or the gateway, which
 * {@code OracleIndependenceTest} enforces: a mistake in the code under test cannot reach the answer
 * it is checked against.
 */
@NullMarked
package org.carelens.gateway.consent.oracle;

import org.jspecify.annotations.NullMarked;
