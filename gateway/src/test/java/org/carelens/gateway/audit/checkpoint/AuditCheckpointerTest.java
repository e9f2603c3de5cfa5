package org.carelens.gateway.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing the chain head: when, what, and with which clock; the clock is moved by hand. */
class AuditCheckpointerTest {

  @TempDir Path directory;

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00.654321Z"));
  final CheckpointKey key = CheckpointKey.generate();
  HikariDataSource dataSource;
  AuditTrail trail;
  FileCheckpointSink sink;
  AuditCheckpointer checkpointer;

  @BeforeEach
  void open() {
    dataSource = TestDatabases.h2Memory();
    trail = new AuditTrail(dataSource, Clock.systemUTC());
    sink = new FileCheckpointSink(directory.resolve("audit-checkpoints.jsonl"));
    checkpointer = new AuditCheckpointer(dataSource, clock, key, sink);
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void the_head_is_signed_at_the_clocks_time_and_verifies_with_the_public_key_only()
      throws Exception {
    List<AuditEntry> entries = append(3);

    Optional<Checkpoint> written = checkpointer.checkpoint();

    Checkpoint expected =
        new Checkpoint(3, entries.get(2).hash(), Instant.parse("2026-11-20T09:00:00Z"));
    assertThat(written).contains(expected);
    assertThat(sink.readAll().jws())
        .singleElement()
        .satisfies(
            jws ->
                assertThat(CheckpointSignatures.check(jws, key.publicOnly()))
                    .isEqualTo(new CheckpointSignatures.Checked.Valid(expected)));
  }

  @Test
  void nothing_is_signed_while_the_head_has_not_moved() throws Exception {
    append(2);
    checkpointer.checkpoint();
    clock.advance(Duration.ofMinutes(1));

    Optional<Checkpoint> again = checkpointer.checkpoint();

    assertThat(again).isEmpty();
    assertThat(sink.readAll().jws()).hasSize(1);
  }

  @Test
  void the_next_interval_signs_the_moved_head_at_the_later_time() throws Exception {
    append(2);
    checkpointer.checkpoint();
    List<AuditEntry> more = append(4);
    clock.advance(Duration.ofMinutes(1));

    Optional<Checkpoint> next = checkpointer.checkpoint();

    assertThat(next)
        .contains(new Checkpoint(6, more.get(3).hash(), Instant.parse("2026-11-20T09:01:00Z")));
    assertThat(sink.readAll().jws()).hasSize(2);
  }

  @Test
  void an_empty_trail_is_not_signed() throws Exception {
    Optional<Checkpoint> written = checkpointer.checkpoint();

    assertThat(written).isEmpty();
    assertThat(sink.readAll()).isEqualTo(new CheckpointSink.Records(List.of(), 0));
  }

  @Test
  void a_restarted_checkpointer_does_not_sign_the_head_the_sink_already_holds() throws Exception {
    append(2);
    checkpointer.checkpoint();
    AuditCheckpointer restarted = new AuditCheckpointer(dataSource, clock, key, sink);

    Optional<Checkpoint> written = restarted.checkpoint();

    assertThat(written).isEmpty();
  }

  private List<AuditEntry> append(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(
            i ->
                trail.append(
                    AuditEvent.builder(AuditEventType.RECORD_VIEW, AuditOutcome.SUCCESS)
                        .actor(new Actor("555000111222", "Dr Amira Khan", "clinician", "Y03012"))
                        .correlationId("checkpoint-test-" + i)
                        .build()))
        .toList();
  }
}
