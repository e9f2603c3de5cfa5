package org.carelens.gateway.audit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.carelens.gateway.audit.checkpoint.CheckpointEvidence;
import org.carelens.gateway.audit.checkpoint.CheckpointFailure;
import org.carelens.gateway.audit.checkpoint.CheckpointLog;
import org.carelens.gateway.persistence.Transactions;
import org.jspecify.annotations.Nullable;

/**
 * Recomputes the hash chain from the first entry and checks it against the signed checkpoints,
 * reporting the first broken link and the first checkpoint that does not hold.
 *
 * <p>An entry is broken when its sequence number is not the next one (a deletion or insertion), its
 * previous hash is not its predecessor's hash (a reordering or insertion), or its own hash does not
 * match its fields (an edit). Finally the chain head must name the last entry, so deleting the
 * newest entries or appending rows behind the gateway's back is caught too. The head and the
 * entries are read in one repeatable-read transaction, so appends running meanwhile cause no false
 * alarm.
 *
 * <p>The chain alone cannot catch someone who rewrites entries and recomputes every hash after
 * them. The checkpoints can: each is the hash of one entry, signed outside the database before the
 * rewrite, so the rewritten entry's new hash no longer matches it. A checkpoint fails when its
 * signature is refused, when its entry has another hash now, or when its entry is gone. The
 * checkpoints are read before the database, so every checkpoint read names an entry the database
 * read sees.
 */
@Singleton
public class ChainVerifier {

  private final DataSource dataSource;
  private final @Nullable CheckpointLog checkpoints;

  /** Checks the chain and the checkpoints in {@code checkpoints}. */
  @Inject
  public ChainVerifier(DataSource dataSource, CheckpointLog checkpoints) {
    this.dataSource = dataSource;
    this.checkpoints = checkpoints;
  }

  /** Checks the chain alone. */
  public ChainVerifier(DataSource dataSource) {
    this.dataSource = dataSource;
    this.checkpoints = null;
  }

  /**
   * Verifies the whole trail.
   *
   * @throws AuditUnavailableException if the database or the checkpoints cannot be read
   */
  public ChainVerification verify() {
    CheckpointEvidence evidence;
    try {
      evidence = checkpoints == null ? CheckpointEvidence.NONE : checkpoints.read();
    } catch (IOException | RuntimeException e) {
      throw new AuditUnavailableException("The audit checkpoints could not be read", e);
    }
    try {
      return Transactions.inTransaction(
          dataSource, Connection.TRANSACTION_REPEATABLE_READ, c -> verifyIn(c, evidence));
    } catch (SQLException e) {
      throw new AuditUnavailableException("The audit trail could not be read", e);
    }
  }

  private static ChainVerification verifyIn(Connection c, CheckpointEvidence evidence)
      throws SQLException {
    Anchoring anchoring = new Anchoring(evidence);
    long headSequence;
    String headHash;
    try (PreparedStatement head =
            c.prepareStatement(
                "SELECT last_sequence_number, last_hash FROM audit_chain_head WHERE id = 1");
        ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        return anchoring.result(0, Optional.of(1L));
      }
      headSequence = row.getLong(1);
      headHash = row.getString(2);
    }
    long expected = 1;
    String previousHash = AuditHash.GENESIS;
    long read = 0;
    try (PreparedStatement entries =
        c.prepareStatement(
            "SELECT " + AuditRows.COLUMNS + " FROM audit_entry ORDER BY sequence_number")) {
      entries.setFetchSize(1_000);
      try (ResultSet rows = entries.executeQuery()) {
        while (rows.next()) {
          AuditEntry entry = AuditRows.read(rows);
          read++;
          if (entry.sequence() != expected
              || !entry.previousHash().equals(previousHash)
              || !entry.hash().equals(AuditHash.of(entry))) {
            return anchoring.result(countAll(c), Optional.of(Math.min(entry.sequence(), expected)));
          }
          if (!anchoring.holdsAt(entry)) {
            return anchoring.result(countAll(c), Optional.empty());
          }
          previousHash = entry.hash();
          expected++;
        }
      }
    }
    long last = expected - 1;
    if (headSequence != last) {
      // Newest entries deleted (head ahead) or rows appended without the head (head behind).
      return anchoring.result(read, Optional.of(Math.min(headSequence, last) + 1));
    }
    if (!headHash.equals(previousHash)) {
      return anchoring.result(read, Optional.of(Math.max(last, 1)));
    }
    anchoring.endsAt(last);
    return anchoring.result(read, Optional.empty());
  }

  private static long countAll(Connection c) throws SQLException {
    try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM audit_entry");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Walks the checkpoints alongside the entries, in sequence order. */
  private static final class Anchoring {

    private final CheckpointEvidence evidence;
    private final List<CheckpointEvidence.Anchor> anchors;
    private int next;
    private int held;
    private long anchoredThrough;
    private @Nullable CheckpointFailure failed;

    Anchoring(CheckpointEvidence evidence) {
      this.evidence = evidence;
      this.anchors = evidence.anchors();
    }

    /** False when a checkpoint naming {@code entry} has another hash. */
    boolean holdsAt(AuditEntry entry) {
      while (next < anchors.size()
          && anchors.get(next).checkpoint().sequence() == entry.sequence()) {
        CheckpointEvidence.Anchor anchor = anchors.get(next);
        if (!anchor.checkpoint().hash().equals(entry.hash())) {
          failed =
              failure(
                  anchor,
                  CheckpointFailure.Reason.HASH_MISMATCH,
                  "Checkpoint %d (signed %s) says entry %d had hash %s; it has %s now"
                      .formatted(
                          anchor.position(),
                          anchor.checkpoint().signedAt(),
                          entry.sequence(),
                          anchor.checkpoint().hash(),
                          entry.hash()));
          return false;
        }
        held++;
        anchoredThrough = entry.sequence();
        next++;
      }
      return true;
    }

    /** The trail ended after entry {@code last}: a checkpoint beyond it names a missing entry. */
    void endsAt(long last) {
      if (next < anchors.size()) {
        CheckpointEvidence.Anchor anchor = anchors.get(next);
        failed =
            failure(
                anchor,
                CheckpointFailure.Reason.ENTRY_MISSING,
                "Checkpoint %d (signed %s) names entry %d; the trail ends at %d"
                    .formatted(
                        anchor.position(),
                        anchor.checkpoint().signedAt(),
                        anchor.checkpoint().sequence(),
                        last));
      }
    }

    ChainVerification result(long entries, Optional<Long> chainBrokenAt) {
      Optional<Long> brokenAt = chainBrokenAt;
      if (failed != null) {
        long untrustedFrom = anchoredThrough + 1;
        brokenAt =
            Optional.of(chainBrokenAt.map(b -> Math.min(b, untrustedFrom)).orElse(untrustedFrom));
      }
      Optional<CheckpointFailure> failure = Optional.ofNullable(failed).or(evidence::refused);
      return new ChainVerification(
          brokenAt.isEmpty() && failure.isEmpty(),
          entries,
          brokenAt,
          held,
          held == 0 ? Optional.empty() : Optional.of(anchoredThrough),
          failure,
          evidence.unreadable());
    }

    private static CheckpointFailure failure(
        CheckpointEvidence.Anchor anchor, CheckpointFailure.Reason reason, String message) {
      return new CheckpointFailure(
          anchor.position(),
          Optional.of(anchor.checkpoint().sequence()),
          Optional.of(anchor.checkpoint().signedAt()),
          reason,
          message);
    }
  }
}
