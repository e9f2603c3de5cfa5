package org.carelens.gateway.architecture;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.carelens.gateway.audit.AuditSearch;

/** Reads the audit trail on the blocking executor, and serves a constant on the event loop. */
@Hidden
@Controller("/architecture-fixture/careful")
@Requires(env = "architecture-fixture-never-active")
class CarefulController {

  private final AuditSearch audit;

  CarefulController(AuditSearch audit) {
    this.audit = audit;
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  String entries() {
    return audit.toString();
  }

  @Get("/constant")
  @ExecuteOn(TaskExecutors.BLOCKING)
  String constant() {
    return "constant";
  }
}
