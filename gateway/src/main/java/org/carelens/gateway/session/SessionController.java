package org.carelens.gateway.session;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.carelens.gateway.audit.AnonymousRefusals;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.RequestFacts;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.launch.LaunchRejectedException;
import org.carelens.gateway.launch.LaunchTokenVerifier;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.limits.RateLimits;
import org.carelens.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * Exchanges a launch token for a gateway session bound to that user and patient. Every exchange is
 * audited: {@code LAUNCH_ACCEPTED} is committed before the session token is handed out (503 and no
 * session if it cannot be), {@code LAUNCH_REJECTED} with the reason code for every refusal. A
 * refusal before the token verified (no caller identified) is audited in aggregate per client
 * address ({@link AnonymousRefusals}); one of a verified token (a replay, a user over their launch
 * limit) has its own entry naming the user.
 *
 * <p>Rate limited per client address before anything else ({@link RateLimited}), and per user once
 * the token has verified, the first point the user is known.
 */
@Controller("/api/v1/sessions")
public class SessionController {

  private final LaunchTokenVerifier verifier;
  private final SessionStore sessions;
  private final AuditTrail audit;
  private final AnonymousRefusals anonymous;
  private final RateLimits limits;

  public SessionController(
      LaunchTokenVerifier verifier,
      SessionStore sessions,
      AuditTrail audit,
      AnonymousRefusals anonymous,
      RateLimits limits) {
    this.verifier = verifier;
    this.sessions = sessions;
    this.audit = audit;
    this.anonymous = anonymous;
    this.limits = limits;
  }

  // Blocking: the verifier may fetch the issuer's keys.
  @Post
  @ExecuteOn(TaskExecutors.BLOCKING)
  @RateLimited(RateLimit.SESSIONS)
  public HttpResponse<SessionResponse> create(
      @Header("Authorization") @Nullable String authorization) {
    String token;
    try {
      token = BearerToken.from(authorization);
    } catch (ProblemException e) {
      anonymous.refused(rejected(e.code(), e.detail()));
      throw e;
    }
    LaunchContext launch;
    try {
      launch = verifier.verify(token);
    } catch (LaunchRejectedException e) {
      AuditEvent.Builder event =
          rejected(e.code(), e.getMessage())
              .detail("tokenSha256", sha256(token))
              .detail("tokenLength", token.length());
      if (e.launch().isPresent()) {
        audit.appendRefusal(event.launch(e.launch().get()).build());
      } else {
        anonymous.refused(event);
      }
      if (e.temporary()) {
        throw new ProblemException(
            HttpStatus.SERVICE_UNAVAILABLE, e.code(), "Service unavailable", e.getMessage());
      }
      throw ProblemException.unauthorized(e.code(), e.getMessage());
    }
    try {
      limits.acquireForUser(RateLimit.SESSIONS, SessionUserKeys.userKey(launch));
    } catch (ProblemException e) {
      audit.appendRefusal(rejected(e.code(), e.detail()).launch(launch).build());
      throw e;
    }
    audit.append(
        AuditEvent.builder(AuditEventType.LAUNCH_ACCEPTED, AuditOutcome.SUCCESS)
            .launch(launch)
            .detail("issuer", launch.issuer())
            .detail("jti", launch.jti())
            .detail("organisationType", launch.organisationType())
            .detail("reasonForRequest", launch.reasonForRequest())
            .build());
    SessionStore.IssuedSession issued = sessions.open(launch);
    GatewaySession session = issued.session();
    return HttpResponse.<SessionResponse>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(
            new SessionResponse(
                issued.accessToken(),
                "Bearer",
                session.expiresAt(),
                Duration.between(session.createdAt(), session.expiresAt()).toSeconds(),
                launch.nhsNumber().value(),
                new User(
                    launch.userId(),
                    launch.userName(),
                    launch.role().code(),
                    new Organisation(
                        launch.organisationOds(),
                        launch.organisationName(),
                        launch.organisationType()))));
  }

  private static AuditEvent.Builder rejected(String code, String message) {
    return AuditEvent.builder(AuditEventType.LAUNCH_REJECTED, AuditOutcome.REFUSED)
        .reason(code)
        .detail("message", message.length() <= 500 ? message : message.substring(0, 500) + "…")
        .detail("request", RequestFacts.current());
  }

  /** Identifies a refused token in the audit (to spot replays of it) without storing it. */
  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }

  /** The session as the client sees it. */
  @Serdeable
  public record SessionResponse(
      String accessToken,
      String tokenType,
      Instant expiresAt,
      long expiresIn,
      String nhsNumber,
      User user) {}

  /** The launched user. */
  @Serdeable
  public record User(String id, String name, String role, Organisation organisation) {}

  /** The user's organisation. */
  @Serdeable
  public record Organisation(String ods, String name, String type) {}
}
