package org.carelens.gateway.audit;

/**
 * The audit trail could not be written. Whoever was about to show data must not (PRODUCT.md
 * principle 4); over HTTP it becomes a 503 problem with code {@code AUDIT_UNAVAILABLE}.
 */
public final class AuditUnavailableException extends RuntimeException {

  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
