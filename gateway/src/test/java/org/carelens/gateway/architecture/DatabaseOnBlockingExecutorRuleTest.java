package org.carelens.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.carelens.gateway.DatabaseOnBlockingExecutor;
import org.junit.jupiter.api.Test;

/** The "no JDBC on the event loop" rule refuses a controller that forgets the blocking executor. */
class DatabaseOnBlockingExecutorRuleTest {

  static final JavaClasses GATEWAY_WITH_FIXTURES =
      new ClassFileImporter().importPackages("org.carelens.gateway");

  @Test
  void a_controller_that_reads_the_database_on_the_event_loop_is_refused_with_the_path_to_it() {
    EvaluationResult result = DatabaseOnBlockingExecutor.RULE.evaluate(GATEWAY_WITH_FIXTURES);

    assertThat(result.getFailureReport().getDetails())
        .singleElement()
        .asString()
        .contains(ForgetfulController.class.getName() + ".entries()")
        .contains("(ForgetfulController -> AuditSearch -> ");
  }
}
