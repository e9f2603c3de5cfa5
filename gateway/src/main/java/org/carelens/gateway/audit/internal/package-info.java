/**
 * Database-side guards for the embedded H2 database: Java triggers that refuse changing or removing
 * audit entries and allow the chain head only to advance by one appended entry, as the PL/pgSQL
 * triggers of {@code db.migration.V6__Audit_append_only} do on PostgreSQL. H2 instantiates them by
 * class name; nothing in the gateway calls them.
 */
@NullMarked
package org.carelens.gateway.audit.internal;

import org.jspecify.annotations.NullMarked;
