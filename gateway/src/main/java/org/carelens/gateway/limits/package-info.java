/**
 * Per-user daily caps on self-claimed relationships and break-glass (issue 10), counted from the
 * gateway database rather than process memory, so they hold across restarts and every gateway
 * instance on the database.
 */
@NullMarked
package org.carelens.gateway.limits;

import org.jspecify.annotations.NullMarked;
