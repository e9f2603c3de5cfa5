/**
 * The gateway's own database: what Carelens is allowed to persist (PRODUCT.md principle 1) — the
 * audit trail, the launch-token register and, later, the consent and dissent registers. Plain JDBC
 * over the configured pool; the schema comes from the Flyway migrations in {@code db/migration},
 * which run unchanged on the embedded H2 default and on PostgreSQL. Never clinical data.
 */
@NullMarked
package org.carelens.gateway.persistence;

import org.jspecify.annotations.NullMarked;
