package org.carelens.gateway.session;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.launch.LaunchRejectedException;
import org.carelens.gateway.launch.LaunchTokenVerifier;
import org.carelens.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/** Exchanges a launch token for a gateway session bound to that user and patient. */
@Controller("/api/v1/sessions")
public class SessionController {

  private final LaunchTokenVerifier verifier;
  private final SessionStore sessions;

  public SessionController(LaunchTokenVerifier verifier, SessionStore sessions) {
    this.verifier = verifier;
    this.sessions = sessions;
  }

  // Blocking: the verifier may fetch the issuer's keys.
  @Post
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<SessionResponse> create(
      @Header("Authorization") @Nullable String authorization) {
    String token = BearerToken.from(authorization);
    LaunchContext launch;
    try {
      launch = verifier.verify(token);
    } catch (LaunchRejectedException e) {
      throw ProblemException.unauthorized(e.code(), e.getMessage());
    }
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
