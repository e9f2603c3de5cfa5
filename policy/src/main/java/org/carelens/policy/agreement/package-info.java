/**
 * Sharing agreements: versioned YAML documents in which a deployment says which sections each
 * source shares with which viewer organisation types and roles, the share-in model per source, the
 * sensitive-data rules and what break-glass may do. Loading parses text the caller read; an invalid
 * agreement is refused with the file, line and problem.
 */
@NullMarked
package org.carelens.policy.agreement;

import org.jspecify.annotations.NullMarked;
