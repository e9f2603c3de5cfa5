/**
 * Anchors the audit chain outside the database (issue 10, "Anchored audit"): at intervals and on
 * shutdown the chain head (sequence number and hash) is signed as a JWS with a key that is not in
 * the database ({@link org.carelens.gateway.audit.checkpoint.CheckpointKey}) and appended to a
 * {@link org.carelens.gateway.audit.checkpoint.CheckpointSink} (a JSON-lines file in the demo;
 * object storage with a retention lock in a real deployment). Someone who can write the database
 * can recompute every hash of the chain, but cannot make a rewritten entry match a checkpoint
 * signed before the rewrite: {@link org.carelens.gateway.audit.ChainVerifier} checks both.
 */
@NullMarked
package org.carelens.gateway.audit.checkpoint;

import org.jspecify.annotations.NullMarked;
