package org.carelens.gateway.audit.checkpoint;

import java.io.IOException;
import java.util.List;

/**
 * Where signed checkpoints are kept, outside the gateway database. The demo writes a JSON-lines
 * file ({@link FileCheckpointSink}); a real deployment implements this over storage that the
 * database's administrators cannot rewrite (for example an object store bucket with a retention
 * lock), since deleting checkpoints removes the evidence they carry.
 *
 * <p>Implementations are thread-safe. Failures are reported as {@link IOException}.
 */
public interface CheckpointSink {

  /** Appends one signed checkpoint; it is durable when this returns. */
  void append(Checkpoint checkpoint, String jws) throws IOException;

  /** Every record in the order written; none yet is an empty list, never an error. */
  Records readAll() throws IOException;

  /**
   * What {@link #readAll} found.
   *
   * @param jws each readable record's compact JWS, in the order written; only its signed content
   *     counts
   * @param unreadable records that could not be read at all (for example the torn last line of a
   *     write cut short by a crash); they carry no signature, so they prove nothing either way
   */
  record Records(List<String> jws, int unreadable) {

    public Records {
      jws = List.copyOf(jws);
      if (unreadable < 0) {
        throw new IllegalArgumentException("unreadable must be 0 or more, was " + unreadable);
      }
    }
  }
}
