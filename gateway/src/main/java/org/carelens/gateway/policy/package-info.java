/**
 * The deployment's sharing agreement and the policy bean built from it: loaded once at start-up
 * from {@code carelens.policy.agreement} (an invalid agreement stops start-up, naming the file and
 * line), and the IG officer's preview of what a viewer would see under an agreement.
 */
@NullMarked
package org.carelens.gateway.policy;

import org.jspecify.annotations.NullMarked;
