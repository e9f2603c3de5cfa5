package org.carelens.gateway.record;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.session.SessionGuard;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/sources}: the configured sources, in the order views report them, so a client
 * can show every source it is waiting for while a record is still loading. Configuration only: no
 * patient data, no health (that is {@code /health}); a session is still required.
 */
@Controller("/api/v1/sources")
public class SourcesController {

  private final SessionGuard sessions;
  private final FanoutEngine fanout;

  public SourcesController(SessionGuard sessions, FanoutEngine fanout) {
    this.sessions = sessions;
    this.fanout = fanout;
  }

  // Blocking: a refused session token is audited, a database write.
  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  public List<ConfiguredSource> sources(@Header("Authorization") @Nullable String authorization) {
    sessions.require(authorization);
    return fanout.sources().stream().map(s -> new ConfiguredSource(s.id(), s.name())).toList();
  }

  /** One configured source. */
  @Serdeable
  public record ConfiguredSource(String id, String name) {}
}
