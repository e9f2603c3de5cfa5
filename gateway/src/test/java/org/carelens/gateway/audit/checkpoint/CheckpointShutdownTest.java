package org.carelens.gateway.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the gateway's own application context: the key is created on first start, outside the
 * database, and the head is signed when the context shuts down (while the database is still open).
 */
class CheckpointShutdownTest {

  @TempDir Path directory;

  @Test
  void the_key_is_created_on_first_start_and_the_head_is_signed_on_shutdown() throws Exception {
    Path keyFile = directory.resolve("keys").resolve("audit-checkpoint-key.json");
    Path checkpoints = directory.resolve("audit-checkpoints.jsonl");
    AuditEntry last;
    CheckpointKey created;
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "datasources.default.url", TestDatabases.h2MemoryUrl(),
                "carelens.audit.checkpoint.key-file", keyFile.toString(),
                "carelens.audit.checkpoint.file", checkpoints.toString(),
                "carelens.audit.checkpoint.interval", "1h"),
            "test")) {
      created = context.getBean(CheckpointKey.class);
      context.getBean(AuditTrail.class).append(event());
      last = context.getBean(AuditTrail.class).append(event());
    }

    CheckpointKey reloaded = CheckpointKey.load(keyFile);

    assertThat(reloaded.keyId()).isEqualTo(created.keyId());
    assertThat(reloaded.canSign()).isTrue();
    assertThat(Files.getPosixFilePermissions(keyFile))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(new FileCheckpointSink(checkpoints).readAll().jws())
        .singleElement()
        .satisfies(
            jws ->
                assertThat(CheckpointSignatures.check(jws, reloaded))
                    .isInstanceOfSatisfying(
                        CheckpointSignatures.Checked.Valid.class,
                        valid -> {
                          assertThat(valid.checkpoint().sequence()).isEqualTo(last.sequence());
                          assertThat(valid.checkpoint().hash()).isEqualTo(last.hash());
                        }));
  }

  private static AuditEvent event() {
    return AuditEvent.builder(AuditEventType.RECORD_VIEW, AuditOutcome.SUCCESS).build();
  }
}
