package org.carelens.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.time.Instant;
import java.util.Optional;
import org.carelens.gateway.audit.checkpoint.CheckpointFailure;
import org.junit.jupiter.api.Test;

/** The verify answer keeps its original three fields first and adds the checkpoint ones. */
class VerifyReportTest {

  @Test
  void a_failed_checkpoint_is_reported_with_its_position_sequence_time_and_reason()
      throws Exception {
    ChainVerification result =
        new ChainVerification(
            false,
            15,
            Optional.of(6L),
            1,
            Optional.of(5L),
            Optional.of(
                new CheckpointFailure(
                    2,
                    Optional.of(10L),
                    Optional.of(Instant.parse("2026-11-20T09:02:00Z")),
                    CheckpointFailure.Reason.HASH_MISMATCH,
                    "Checkpoint 2 says entry 10 had another hash")),
            0);

    String json;
    try (ApplicationContext context = ApplicationContext.run("test")) {
      json = context.getBean(JsonMapper.class).writeValueAsString(VerifyReport.of(result));
    }

    assertThat(json)
        .isEqualTo(
            "{\"valid\":false,\"entries\":15,\"firstBrokenSequence\":6,\"checkpoints\":1,"
                + "\"anchoredThrough\":5,\"failedCheckpoint\":{\"position\":2,\"sequence\":10,"
                + "\"signedAt\":\"2026-11-20T09:02:00Z\",\"reason\":\"HASH_MISMATCH\","
                + "\"message\":\"Checkpoint 2 says entry 10 had another hash\"},"
                + "\"unreadableCheckpoints\":0}");
  }
}
