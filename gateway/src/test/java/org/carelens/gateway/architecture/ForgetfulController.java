package org.carelens.gateway.architecture;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import org.carelens.gateway.audit.AuditSearch;

/** Reads the audit trail on the event loop: the rule must refuse it. */
@Hidden
@Controller("/architecture-fixture/forgetful")
@Requires(env = "architecture-fixture-never-active")
class ForgetfulController {

  private final AuditSearch audit;

  ForgetfulController(AuditSearch audit) {
    this.audit = audit;
  }

  @Get
  String entries() {
    return audit.toString();
  }
}
