package org.carelens.gateway.audit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.Map;

/**
 * Verifies the audit chain and its signed checkpoints from the command line, against the database,
 * checkpoint file and key the gateway is configured with ({@code application.yml}, overridable with
 * {@code -Dkey=value} or {@code --key=value}). Prints one JSON line as {@code GET
 * /api/v1/audit/verify} does; exits 0 when the chain is intact and every checkpoint holds, 1 when
 * not, 2 when the database, the checkpoints or the key cannot be read.
 *
 * <p>It only reads: it signs no checkpoint and creates no key (a key file holding only the public
 * JWK is enough). The embedded H2 database opens in one process at a time, so stop the gateway
 * first, or ask the running gateway ({@code GET /api/v1/audit/verify}).
 */
public final class AuditVerifyMain {

  /** Read-only: no checkpoint signing, no key generation. Command-line values still win. */
  static final Map<String, Object> READ_ONLY =
      Map.of(
          "carelens.audit.checkpoint.enabled", false,
          "carelens.audit.checkpoint.generate-key", false);

  private AuditVerifyMain() {}

  public static void main(String[] args) {
    int status;
    try (ApplicationContext context =
        ApplicationContext.builder().properties(READ_ONLY).args(args).start()) {
      ChainVerification result = context.getBean(ChainVerifier.class).verify();
      System.out.println(
          context.getBean(JsonMapper.class).writeValueAsString(VerifyReport.of(result)));
      status = result.valid() ? 0 : 1;
    } catch (IOException | RuntimeException e) {
      System.err.println("carelens audit verify: " + messages(e));
      status = 2;
    }
    System.exit(status);
  }

  /** The message and its causes', so "key file not found" is not hidden behind a wrapper. */
  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}
