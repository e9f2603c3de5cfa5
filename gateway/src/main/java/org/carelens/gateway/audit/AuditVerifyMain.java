package org.carelens.gateway.audit;

import io.micronaut.context.ApplicationContext;

/**
 * Verifies the audit chain from the command line, against the database the gateway is configured
 * with ({@code application.yml}, overridable with {@code -Dkey=value} or {@code --key=value}).
 * Prints one JSON line as {@code GET /api/v1/audit/verify} does; exits 0 when the chain is intact,
 * 1 when it is broken, 2 when the database cannot be read.
 */
public final class AuditVerifyMain {

  private AuditVerifyMain() {}

  public static void main(String[] args) {
    int status;
    try (ApplicationContext context = ApplicationContext.builder().args(args).start()) {
      ChainVerification result = context.getBean(ChainVerifier.class).verify();
      System.out.printf(
          "{\"valid\":%s,\"entries\":%d,\"firstBrokenSequence\":%s}%n",
          result.valid(),
          result.entries(),
          result.firstBrokenSequence().map(String::valueOf).orElse("null"));
      status = result.valid() ? 0 : 1;
    } catch (RuntimeException e) {
      System.err.println("carelens audit verify: " + e.getMessage());
      status = 2;
    }
    System.exit(status);
  }
}
