package org.carelens.portal.signin;

/**
 * A sign-in that could not be completed, with a stable code saying which check refused it ({@code
 * STATE_MISMATCH}, {@code NONCE_MISMATCH}, {@code ISSUER_INVALID}, {@code AUDIENCE_INVALID}, {@code
 * TOKEN_EXPIRED}, {@code SIGNATURE_INVALID}, ...) and words for the user.
 */
public final class SignInException extends RuntimeException {

  private final String code;

  public SignInException(String code, String message) {
    super(message);
    this.code = code;
  }

  public SignInException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
