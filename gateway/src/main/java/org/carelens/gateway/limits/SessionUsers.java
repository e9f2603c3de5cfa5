package org.carelens.gateway.limits;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who a request's session belongs to, for the per-user limits. Implemented by the session feature,
 * so that this package does not depend on it.
 */
public interface SessionUsers {

  /**
   * The user of the live session named by an {@code Authorization: Bearer} header, as a key that is
   * the same for every session of that user ({@code issuer} and user id). Empty when the header
   * names no live session: the request is then limited by address only, and refused by the
   * endpoint. Must not block, and must not count as activity on the session.
   */
  Optional<String> userOf(@Nullable String authorization);
}
