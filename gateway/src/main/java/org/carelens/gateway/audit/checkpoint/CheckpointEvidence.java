package org.carelens.gateway.audit.checkpoint;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoints read back from the sink, their signatures checked.
 *
 * @param anchors the checkpoints signed by the configured key, by sequence number
 * @param refused the first record whose signature was refused, if any
 * @param unreadable records that could not be read at all (see {@link CheckpointSink.Records})
 */
public record CheckpointEvidence(
    List<Anchor> anchors, Optional<CheckpointFailure> refused, int unreadable) {

  /** No checkpoints: the chain is checked on its own. */
  public static final CheckpointEvidence NONE =
      new CheckpointEvidence(List.of(), Optional.empty(), 0);

  /** A checkpoint whose signature holds, and its place among the sink's records (from 1). */
  public record Anchor(int position, Checkpoint checkpoint) {}

  public CheckpointEvidence {
    anchors =
        anchors.stream()
            .sorted(
                Comparator.comparingLong((Anchor a) -> a.checkpoint().sequence())
                    .thenComparingInt(Anchor::position))
            .toList();
  }
}
