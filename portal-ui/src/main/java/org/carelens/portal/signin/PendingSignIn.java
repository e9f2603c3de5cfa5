package org.carelens.portal.signin;

import java.io.Serializable;
import java.util.Objects;

/**
 * A sign-in this browser started: the {@code state}, {@code nonce} and PKCE {@code code_verifier}
 * it sent, kept in its HTTP session until the provider sends it back. Single-use.
 */
public record PendingSignIn(String state, String nonce, String codeVerifier)
    implements Serializable {

  /** The HTTP session attribute that holds it. */
  public static final String ATTRIBUTE = PendingSignIn.class.getName();

  public PendingSignIn {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
  }

  /** Keeps the verifier out of logs. */
  @Override
  public String toString() {
    return "PendingSignIn[state=" + state + "]";
  }
}
