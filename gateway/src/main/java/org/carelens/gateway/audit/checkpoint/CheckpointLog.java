package org.carelens.gateway.audit.checkpoint;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the signed checkpoints back from the sink and checks each signature against the configured
 * key. The key is only asked for when there is a record to check, so a verifier with no checkpoints
 * yet needs no key file. Thread-safe.
 */
@Singleton
public class CheckpointLog {

  private final CheckpointSink sink;
  private final Provider<CheckpointKey> key;

  public CheckpointLog(CheckpointSink sink, Provider<CheckpointKey> key) {
    this.sink = sink;
    this.key = key;
  }

  /**
   * Every checkpoint in the sink, signatures checked.
   *
   * @throws IOException if the sink cannot be read
   */
  public CheckpointEvidence read() throws IOException {
    CheckpointSink.Records records = sink.readAll();
    if (records.jws().isEmpty()) {
      return new CheckpointEvidence(List.of(), Optional.empty(), records.unreadable());
    }
    CheckpointKey verifyWith = key.get();
    List<CheckpointEvidence.Anchor> anchors = new ArrayList<>();
    Optional<CheckpointFailure> refused = Optional.empty();
    for (int i = 0; i < records.jws().size(); i++) {
      int position = i + 1;
      switch (CheckpointSignatures.check(records.jws().get(i), verifyWith)) {
        case CheckpointSignatures.Checked.Valid valid ->
            anchors.add(new CheckpointEvidence.Anchor(position, valid.checkpoint()));
        case CheckpointSignatures.Checked.Refused bad -> {
          if (refused.isEmpty()) {
            refused =
                Optional.of(
                    new CheckpointFailure(
                        position,
                        bad.claimedSequence(),
                        bad.claimedSignedAt(),
                        CheckpointFailure.Reason.SIGNATURE_INVALID,
                        "Checkpoint " + position + " is refused: " + bad.why()));
          }
        }
      }
    }
    return new CheckpointEvidence(anchors, refused, records.unreadable());
  }
}
