package org.carelens.gateway.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointSinkTest {

  @TempDir Path directory;

  final CheckpointKey key = CheckpointKey.generate();

  @Test
  void a_line_torn_by_a_crash_is_unreadable_and_the_next_checkpoint_starts_a_line_of_its_own()
      throws Exception {
    FileCheckpointSink sink = new FileCheckpointSink(directory.resolve("checkpoints.jsonl"));
    Checkpoint first = new Checkpoint(4, "a".repeat(64), Instant.parse("2026-11-20T09:00:00Z"));
    Checkpoint second = new Checkpoint(9, "b".repeat(64), Instant.parse("2026-11-20T09:01:00Z"));
    sink.append(first, CheckpointSignatures.sign(first, key));
    Files.writeString(
        sink.file(),
        "{\"sequence\":7,\"jws\":\"eyJ",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    sink.append(second, CheckpointSignatures.sign(second, key));

    CheckpointSink.Records records = sink.readAll();

    assertThat(records.unreadable()).isEqualTo(1);
    assertThat(records.jws())
        .extracting(jws -> CheckpointSignatures.check(jws, key))
        .containsExactly(
            new CheckpointSignatures.Checked.Valid(first),
            new CheckpointSignatures.Checked.Valid(second));
  }

  @Test
  void each_line_shows_the_checkpoint_readably_beside_its_signature() throws Exception {
    FileCheckpointSink sink = new FileCheckpointSink(directory.resolve("checkpoints.jsonl"));
    Checkpoint checkpoint =
        new Checkpoint(12, "c".repeat(64), Instant.parse("2026-11-20T09:00:00Z"));

    sink.append(checkpoint, CheckpointSignatures.sign(checkpoint, key));

    List<String> lines = Files.readAllLines(sink.file());
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith(
            "{\"sequence\":12,\"hash\":\""
                + "c".repeat(64)
                + "\",\"signedAt\":\"2026-11-20T09:00:00Z\",\"jws\":\"ey");
  }

  @Test
  void no_file_yet_means_no_checkpoints() throws Exception {
    CheckpointSink.Records records =
        new FileCheckpointSink(directory.resolve("absent.jsonl")).readAll();

    assertThat(records).isEqualTo(new CheckpointSink.Records(List.of(), 0));
  }
}
