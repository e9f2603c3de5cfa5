package org.carelens.gateway.session;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import org.carelens.gateway.launch.IdTokenVerifier;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.launch.LaunchRejectedException;
import org.carelens.gateway.launch.LaunchTokenVerifier;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.limits.RateLimits;
import org.carelens.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * Exchanges a launch token for a gateway session bound to that user and patient, or the ID token of
 * a user who signed in with a trusted identity provider (NHS CIS2; {@link IdTokenVerifier}) for a
 * session bound to no patient, which opens patients only through a relationship claim. A token is
 * an ID token only if it is not typed as a launch token and names a trusted identity provider;
 * everything else is verified as a launch token exactly as before. {@code DELETE
 * /api/v1/sessions/current} ends the caller's session (sign-out).
 *
 * <p>Launches are audited as follows (sign-ins the same, as {@code SIGN_IN_ACCEPTED} and {@code
 * SIGN_IN_REJECTED}). Every exchange is audited: {@code LAUNCH_ACCEPTED} is committed with the
 * session and the token's single use ({@code jti}), in one transaction, before the session token is
 * handed out (503 and no session if it cannot be; the token is then still unused), {@code
 * LAUNCH_REJECTED} with the reason code for every refusal. A refusal before the token verified (no
 * caller identified) is audited in aggregate per client address ({@link AnonymousRefusals}); one of
 * a verified token (a replay, a user over their launch limit) has its own entry naming the user.
 *
 * <p>Rate limited per client address before anything else ({@link RateLimited}), and per user once
 * the token has verified, the first point the user is known.
 */
@Controller("/api/v1/sessions")
public class SessionController {

  private final LaunchTokenVerifier verifier;
  private final IdTokenVerifier idTokens;
  private final SessionStore sessions;
  private final SessionGuard guard;
  private final AuditTrail audit;
  private final AnonymousRefusals anonymous;
  private final RateLimits limits;

  public SessionController(
      LaunchTokenVerifier verifier,
      IdTokenVerifier idTokens,
      SessionStore sessions,
      SessionGuard guard,
      AuditTrail audit,
      AnonymousRefusals anonymous,
      RateLimits limits) {
    this.verifier = verifier;
    this.idTokens = idTokens;
    this.sessions = sessions;
    this.guard = guard;
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
      anonymous.refused(rejected(false, e.code(), e.detail()));
      throw e;
    }
    boolean signIn = idTokens.accepts(token);
    LaunchContext launch;
    try {
      launch = signIn ? idTokens.verifyBeforeUse(token) : verifier.verifyBeforeUse(token);
    } catch (LaunchRejectedException e) {
      throw refused(signIn, token, e);
    }
    try {
      limits.acquireForUser(RateLimit.SESSIONS, SessionUserKeys.userKey(launch));
    } catch (ProblemException e) {
      audit.appendRefusal(rejected(signIn, e.code(), e.detail()).launch(launch).build());
      throw e;
    }
    AuditEvent accepted =
        AuditEvent.builder(
                signIn ? AuditEventType.SIGN_IN_ACCEPTED : AuditEventType.LAUNCH_ACCEPTED,
                AuditOutcome.SUCCESS)
            .launch(launch)
            .detail("issuer", launch.issuer())
            .detail("jti", launch.jti())
            .detail("organisationType", launch.organisationType())
            .detail("reasonForRequest", launch.reasonForRequest())
            .build();
    // The token's single use, the acceptance and the session commit together: no session without
    // its audit entry, a token spent only by the session it opened, and one commit for all three.
    // A replay is refused inside the transaction, which then rolls back.
    SessionStore.IssuedSession issued;
    try {
      issued =
          sessions.open(
              launch,
              c -> {
                if (signIn) {
                  idTokens.markUsed(c, launch);
                } else {
                  verifier.markUsed(c, launch);
                }
                audit.appendWithin(c, accepted);
              });
    } catch (LaunchRejectedException e) {
      throw refused(signIn, token, e);
    } catch (SessionStore.BeforeFailed e) {
      throw audit.unavailable(accepted, e.getCause());
    }
    GatewaySession session = issued.session();
    return HttpResponse.<SessionResponse>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(
            new SessionResponse(
                issued.accessToken(),
                "Bearer",
                session.expiresAt(),
                Duration.between(session.createdAt(), session.expiresAt()).toSeconds(),
                launch.launchedPatient().map(n -> n.value()).orElse(null),
                new User(
                    launch.userId(),
                    launch.userName(),
                    launch.role().code(),
                    new Organisation(
                        launch.organisationOds(),
                        launch.organisationName(),
                        launch.organisationType()))));
  }

  /**
   * Ends the caller's session at once (sign-out): the token is forgotten, so every later request
   * with it is 401 {@code SESSION_EXPIRED}. Audited as {@code SESSION_ENDED}.
   */
  @Delete("/current")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Void> end(@Header("Authorization") @Nullable String authorization) {
    GatewaySession session = guard.require(authorization);
    sessions.end(BearerToken.from(authorization));
    audit.append(
        AuditEvent.builder(AuditEventType.SESSION_ENDED, AuditOutcome.SUCCESS)
            .launch(session.launch())
            .detail("request", RequestFacts.current())
            .build());
    return HttpResponse.<Void>noContent().header("Cache-Control", "no-store");
  }

  /**
   * Audits a refused token, with the user when the token verified that far (a replay), in aggregate
   * per address otherwise, and returns the problem to answer.
   */
  private ProblemException refused(boolean signIn, String token, LaunchRejectedException e) {
    AuditEvent.Builder event =
        rejected(signIn, e.code(), e.getMessage())
            .detail("tokenSha256", sha256(token))
            .detail("tokenLength", token.length());
    if (e.launch().isPresent()) {
      audit.appendRefusal(event.launch(e.launch().get()).build());
    } else {
      anonymous.refused(event);
    }
    if (e.temporary()) {
      return new ProblemException(
          HttpStatus.SERVICE_UNAVAILABLE, e.code(), "Service unavailable", e.getMessage());
    }
    return ProblemException.unauthorized(e.code(), e.getMessage());
  }

  private static AuditEvent.Builder rejected(boolean signIn, String code, String message) {
    return AuditEvent.builder(
            signIn ? AuditEventType.SIGN_IN_REJECTED : AuditEventType.LAUNCH_REJECTED,
            AuditOutcome.REFUSED)
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

  /**
   * The session as the client sees it; {@code nhsNumber} is the launched patient, null for a user
   * who signed in.
   */
  @Serdeable
  public record SessionResponse(
      String accessToken,
      String tokenType,
      Instant expiresAt,
      long expiresIn,
      @Nullable String nhsNumber,
      User user) {}

  /** The launched user. */
  @Serdeable
  public record User(String id, String name, String role, Organisation organisation) {}

  /** The user's organisation. */
  @Serdeable
  public record Organisation(String ods, String name, String type) {}
}
