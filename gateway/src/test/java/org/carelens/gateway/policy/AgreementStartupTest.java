package org.carelens.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.agreement.AgreementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agreement is loaded while the gateway starts; a bad one stops it, naming file and line. */
class AgreementStartupTest {

  @TempDir Path dir;

  @Test
  void a_malformed_agreement_file_stops_start_up_naming_the_file_and_line() throws Exception {
    Path file = dir.resolve("broken.yml");
    Files.writeString(
        file,
        """
        agreement: broken
        version: 1
        organisationTypes: [out-of-hours]
        sources:
          gp:
            shareIn: sometimes
            shares:
              - viewers: [out-of-hours]
                sections: all
        """);

    assertThatThrownBy(
            () ->
                ApplicationContext.run(Map.of("carelens.policy.agreement", file.toString()), "test")
                    .close())
        .satisfies(
            e -> {
              Throwable root = e;
              while (!(root instanceof AgreementException) && root.getCause() != null) {
                root = root.getCause();
              }
              assertThat(root).isInstanceOf(AgreementException.class);
              assertThat(root.getMessage())
                  .isEqualTo(
                      file
                          + " line 6: sources.gp.shareIn: expected one of [implied, explicit],"
                          + " was 'sometimes'");
            });
  }

  @Test
  void a_missing_agreement_file_stops_start_up_too() {
    String missing = dir.resolve("nowhere.yml").toString();

    assertThatThrownBy(
            () -> ApplicationContext.run(Map.of("carelens.policy.agreement", missing), "test"))
        .hasStackTraceContaining(missing + " line 1: cannot be read");
  }

  @Test
  void the_shipped_demo_agreement_is_the_default_and_covers_every_configured_source() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of("carelens.policy.agreement", PolicyProperties.DEFAULT_AGREEMENT), "test")) {

      AccessPolicy policy = context.getBean(AccessPolicy.class);

      assertThat(new PolicyProperties().getAgreement())
          .isEqualTo("classpath:agreements/riverside.yml");
      assertThat(policy.agreement().id()).isEqualTo("riverside-shared-care");
      assertThat(policy.agreement().sources().keySet())
          .contains("gp", "acute", "mental-health", "social-care", "pds");
      assertThat(policy.agreement().organisationTypes())
          .contains("out-of-hours", "acute-trust", "local-authority");
    }
  }
}
