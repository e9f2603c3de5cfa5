package org.carelens.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorsMainTest {

  @Test
  void options_that_are_not_given_take_their_defaults() {
    Map<String, String> options = SimulatorsMain.parse(new String[] {"--gp-port", "9091"});

    assertThat(options)
        .containsEntry("--gp-port", "9091")
        .containsEntry("--launcher-port", "8090")
        .containsEntry("--seed", "42")
        .containsEntry("--patients", "2000")
        .containsEntry("--portal-url", "http://localhost:8080")
        .containsEntry("--audience", "carelens-gateway")
        .containsEntry("--issuer", "http://localhost:8090");
  }

  @Test
  void an_unknown_option_is_refused_by_name() {
    assertThatThrownBy(() -> SimulatorsMain.parse(new String[] {"--port", "1"}))
        .hasMessage("unknown option '--port'");
  }

  @Test
  void a_port_must_be_a_number() {
    assertThatThrownBy(() -> SimulatorsMain.parse(new String[] {"--gp-port", "eighty"}))
        .hasMessage("--gp-port must be a whole number, was 'eighty'");
  }
}
