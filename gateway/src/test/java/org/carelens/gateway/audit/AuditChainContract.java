package org.carelens.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carelens.gateway.audit.checkpoint.AuditCheckpointer;
import org.carelens.gateway.audit.checkpoint.Checkpoint;
import org.carelens.gateway.audit.checkpoint.CheckpointFailure;
import org.carelens.gateway.audit.checkpoint.CheckpointKey;
import org.carelens.gateway.audit.checkpoint.CheckpointLog;
import org.carelens.gateway.audit.checkpoint.CheckpointSignatures;
import org.carelens.gateway.audit.checkpoint.FileCheckpointSink;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.sdk.model.NhsNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit chain's guarantees, run against each supported database: appends chain and number
 * without gaps (also from several pools at once, as several gateway instances would), and every
 * kind of direct tampering — edit, delete, reorder, insert, append behind the gateway's back — is
 * reported at the first broken sequence number, with no false alarm on an untouched chain.
 *
 * <p>The database refuses UPDATE and DELETE of entries and any move of the chain head but the next
 * append (issue 10). The tampering tests therefore act as the tables' owner, who can switch those
 * triggers off ({@link #disableTriggers}); what catches them then is the chain, and for a rewrite
 * with recomputed hashes, the checkpoints signed outside the database.
 */
abstract class AuditChainContract {

  static final int ENTRIES = 10;

  @TempDir Path checkpointDirectory;

  HikariDataSource dataSource;
  AuditTrail trail;
  ChainVerifier verifier;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
  final CheckpointKey key = CheckpointKey.generate();
  FileCheckpointSink sink;
  AuditCheckpointer checkpointer;
  ChainVerifier anchoredVerifier;

  /** A migrated, empty database; called once per test. */
  abstract HikariDataSource openDatabase();

  /** A second pool on the same database, as a second gateway instance would have. */
  abstract HikariDataSource openSecondPool();

  /** Statements by which the tables' owner switches off the append-only triggers. */
  abstract List<String> disableTriggers();

  @BeforeEach
  void open() {
    dataSource = openDatabase();
    trail = new AuditTrail(dataSource, Clock.systemUTC());
    verifier = new ChainVerifier(dataSource);
    sink = new FileCheckpointSink(checkpointDirectory.resolve("audit-checkpoints.jsonl"));
    checkpointer = new AuditCheckpointer(dataSource, clock, key, sink);
    anchoredVerifier = new ChainVerifier(dataSource, new CheckpointLog(sink, key::publicOnly));
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void an_empty_trail_verifies() {
    assertThat(verifier.verify()).isEqualTo(new ChainVerification(true, 0, Optional.empty()));
  }

  @Test
  void an_untouched_chain_verifies_and_every_entry_carries_its_predecessors_hash() {
    List<AuditEntry> appended = appendEntries(trail, ENTRIES);

    ChainVerification result = verifier.verify();

    assertThat(result).isEqualTo(new ChainVerification(true, ENTRIES, Optional.empty()));
    assertThat(appended)
        .extracting(AuditEntry::sequence)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(appended.get(0).previousHash()).isEqualTo(AuditHash.GENESIS);
    for (int i = 1; i < appended.size(); i++) {
      assertThat(appended.get(i).previousHash()).isEqualTo(appended.get(i - 1).hash());
    }
  }

  @Test
  void an_edited_entry_is_reported_at_its_sequence() throws SQLException {
    appendEntries(trail, ENTRIES);
    execute("UPDATE audit_entry SET user_role = 'ig-officer' WHERE sequence_number = 4");

    assertThat(verifier.verify().firstBrokenSequence()).contains(4L);
  }

  @Test
  void an_edited_time_is_reported_at_its_sequence() throws SQLException {
    appendEntries(trail, ENTRIES);
    execute(
        "UPDATE audit_entry SET recorded_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'"
            + " WHERE sequence_number = 7");

    assertThat(verifier.verify().firstBrokenSequence()).contains(7L);
  }

  @Test
  void a_deleted_entry_is_reported_at_the_missing_sequence() throws SQLException {
    appendEntries(trail, ENTRIES);
    execute("DELETE FROM audit_entry WHERE sequence_number = 5");

    ChainVerification result = verifier.verify();

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).contains(5L);
  }

  @Test
  void deleting_the_newest_entry_is_caught_by_the_chain_head() throws SQLException {
    appendEntries(trail, ENTRIES);
    execute("DELETE FROM audit_entry WHERE sequence_number = " + ENTRIES);

    assertThat(verifier.verify().firstBrokenSequence()).contains((long) ENTRIES);
  }

  @Test
  void reordered_entries_are_reported_at_the_first_moved_sequence() throws SQLException {
    appendEntries(trail, ENTRIES);
    execute("UPDATE audit_entry SET sequence_number = -1 WHERE sequence_number = 3");
    execute("UPDATE audit_entry SET sequence_number = 3 WHERE sequence_number = 4");
    execute("UPDATE audit_entry SET sequence_number = 4 WHERE sequence_number = -1");

    assertThat(verifier.verify().firstBrokenSequence()).contains(3L);
  }

  @Test
  void an_entry_inserted_in_the_middle_is_reported_at_its_sequence() throws SQLException {
    List<AuditEntry> entries = appendEntries(trail, ENTRIES);
    shiftFrom(6);
    AuditEntry original = entries.get(5);
    insert(copy(original, original.previousHash(), "f".repeat(64)));

    assertThat(verifier.verify().firstBrokenSequence()).contains(6L);
  }

  @Test
  void a_well_forged_insertion_still_breaks_the_link_to_the_entry_after_it() throws SQLException {
    List<AuditEntry> entries = appendEntries(trail, ENTRIES);
    shiftFrom(6);
    AuditEntry original = entries.get(5);
    AuditEntry unsealed = copy(original, entries.get(4).hash(), "");
    insert(copy(unsealed, unsealed.previousHash(), AuditHash.of(unsealed)));

    assertThat(verifier.verify().firstBrokenSequence()).contains(7L);
  }

  @Test
  void a_row_appended_behind_the_gateways_back_is_caught_by_the_chain_head() throws SQLException {
    List<AuditEntry> entries = appendEntries(trail, ENTRIES);
    AuditEntry last = entries.get(ENTRIES - 1);
    AuditEntry unsealed = withSequence(copy(last, last.hash(), ""), ENTRIES + 1);
    insert(copy(unsealed, unsealed.previousHash(), AuditHash.of(unsealed)));

    assertThat(verifier.verify().firstBrokenSequence()).contains((long) ENTRIES + 1);
  }

  @Test
  void appends_from_two_instances_at_once_keep_one_gapless_valid_chain() throws Exception {
    try (HikariDataSource second = openSecondPool()) {
      AuditTrail other = new AuditTrail(second, Clock.systemUTC());
      ExecutorService threads = Executors.newFixedThreadPool(4);
      List<Future<List<AuditEntry>>> work = new ArrayList<>();
      for (AuditTrail t : List.of(trail, other, trail, other)) {
        Callable<List<AuditEntry>> appendSome = () -> appendEntries(t, 15);
        work.add(threads.submit(appendSome));
      }
      List<Long> sequences = new ArrayList<>();
      for (Future<List<AuditEntry>> f : work) {
        f.get().forEach(e -> sequences.add(e.sequence()));
      }
      threads.shutdown();

      ChainVerification result = verifier.verify();

      assertThat(result).isEqualTo(new ChainVerification(true, 60, Optional.empty()));
      assertThat(sequences).hasSize(60).doesNotHaveDuplicates().allMatch(s -> s >= 1 && s <= 60);
    }
  }

  @Test
  void updating_an_entry_is_refused_by_the_database() {
    appendEntries(trail, ENTRIES);

    assertThatThrownBy(
            () ->
                attempt(
                    "UPDATE audit_entry SET user_role = 'ig-officer' WHERE sequence_number = 4"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThat(verifier.verify().valid()).isTrue();
  }

  @Test
  void deleting_an_entry_is_refused_by_the_database() {
    appendEntries(trail, ENTRIES);

    assertThatThrownBy(() -> attempt("DELETE FROM audit_entry WHERE sequence_number >= 8"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThat(verifier.verify()).isEqualTo(new ChainVerification(true, ENTRIES, Optional.empty()));
  }

  @Test
  void winding_the_chain_head_back_is_refused_by_the_database() {
    List<AuditEntry> entries = appendEntries(trail, ENTRIES);
    AuditEntry seventh = entries.get(6);

    assertThatThrownBy(
            () ->
                attempt(
                    "UPDATE audit_chain_head SET last_sequence_number = 7, last_hash = '"
                        + seventh.hash()
                        + "' WHERE id = 1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("audit_chain_head only advances");
    assertThat(verifier.verify().valid()).isTrue();
  }

  @Test
  void an_untouched_chain_holds_against_its_checkpoints_and_says_how_far_they_reach()
      throws Exception {
    appendAndCheckpoint(5);
    appendAndCheckpoint(5);
    appendEntries(trail, 3);

    ChainVerification result = anchoredVerifier.verify();

    assertThat(result)
        .isEqualTo(
            new ChainVerification(
                true, 13, Optional.empty(), 2, Optional.of(10L), Optional.empty(), 0));
  }

  @Test
  void a_full_rewrite_after_a_checkpoint_with_recomputed_hashes_fails_the_next_checkpoint()
      throws Exception {
    appendAndCheckpoint(5);
    Checkpoint second = appendAndCheckpoint(5);
    appendEntries(trail, 5);
    rewriteFrom(7);

    ChainVerification chainAlone = verifier.verify();
    ChainVerification result = anchoredVerifier.verify();

    assertThat(chainAlone.valid()).as("the recomputed chain fools the chain alone").isTrue();
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).contains(6L);
    assertThat(result.anchoredThrough()).contains(5L);
    assertThat(result.failedCheckpoint())
        .hasValueSatisfying(
            failed -> {
              assertThat(failed.position()).isEqualTo(2);
              assertThat(failed.sequence()).contains(10L);
              assertThat(failed.signedAt()).contains(second.signedAt());
              assertThat(failed.reason()).isEqualTo(CheckpointFailure.Reason.HASH_MISMATCH);
              assertThat(failed.message()).contains(second.hash());
            });
  }

  @Test
  void a_full_rewrite_from_before_every_checkpoint_fails_the_first_one() throws Exception {
    appendAndCheckpoint(5);
    appendAndCheckpoint(5);
    rewriteFrom(2);

    ChainVerification result = anchoredVerifier.verify();

    assertThat(verifier.verify().valid()).isTrue();
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).contains(1L);
    assertThat(result.checkpoints()).isZero();
    assertThat(result.failedCheckpoint())
        .hasValueSatisfying(
            failed -> {
              assertThat(failed.position()).isEqualTo(1);
              assertThat(failed.sequence()).contains(5L);
              assertThat(failed.reason()).isEqualTo(CheckpointFailure.Reason.HASH_MISMATCH);
            });
  }

  @Test
  void cutting_the_trail_back_below_a_checkpoint_is_caught_as_a_missing_entry() throws Exception {
    List<AuditEntry> entries = appendEntries(trail, 7);
    appendAndCheckpoint(3);
    execute("DELETE FROM audit_entry WHERE sequence_number > 7");
    execute(
        "UPDATE audit_chain_head SET last_sequence_number = 7, last_hash = '"
            + entries.get(6).hash()
            + "' WHERE id = 1");

    ChainVerification result = anchoredVerifier.verify();

    assertThat(verifier.verify().valid()).isTrue();
    assertThat(result.valid()).isFalse();
    assertThat(result.failedCheckpoint().map(CheckpointFailure::reason))
        .contains(CheckpointFailure.Reason.ENTRY_MISSING);
    assertThat(result.failedCheckpoint().flatMap(CheckpointFailure::sequence)).contains(10L);
  }

  @Test
  void a_checkpoint_signed_with_another_key_is_refused() throws Exception {
    appendAndCheckpoint(5);
    List<AuditEntry> more = appendEntries(trail, 5);
    AuditEntry head = more.get(4);
    Checkpoint forged = new Checkpoint(head.sequence(), head.hash(), clock.instant());
    sink.append(forged, CheckpointSignatures.sign(forged, CheckpointKey.generate()));

    ChainVerification result = anchoredVerifier.verify();

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isEmpty();
    assertThat(result.checkpoints()).isEqualTo(1);
    assertThat(result.anchoredThrough()).contains(5L);
    assertThat(result.failedCheckpoint())
        .hasValueSatisfying(
            failed -> {
              assertThat(failed.position()).isEqualTo(2);
              assertThat(failed.sequence()).contains(10L);
              assertThat(failed.reason()).isEqualTo(CheckpointFailure.Reason.SIGNATURE_INVALID);
              assertThat(failed.message()).contains("not the configured key " + key.keyId());
            });
  }

  @Test
  void a_rewrite_covered_by_checkpoints_forged_with_another_key_is_still_caught() throws Exception {
    appendAndCheckpoint(10);
    rewriteFrom(3);
    AuditEntry rewrittenHead = verifierHead();
    Checkpoint forged =
        new Checkpoint(rewrittenHead.sequence(), rewrittenHead.hash(), clock.instant());
    java.nio.file.Files.delete(sink.file());
    sink.append(forged, CheckpointSignatures.sign(forged, CheckpointKey.generate()));

    ChainVerification result = anchoredVerifier.verify();

    assertThat(result.valid()).isFalse();
    assertThat(result.checkpoints()).isZero();
    assertThat(result.failedCheckpoint().map(CheckpointFailure::reason))
        .contains(CheckpointFailure.Reason.SIGNATURE_INVALID);
  }

  static List<AuditEntry> appendEntries(AuditTrail trail, int count) {
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(
          trail.append(
              AuditEvent.builder(AuditEventType.RECORD_VIEW, AuditOutcome.SUCCESS)
                  .actor(new Actor("555000111222", "Dr Amira Khan", "clinician", "Y03012"))
                  .patient(new NhsNumber("9990000018"))
                  .correlationId("test-" + i)
                  .detail("sectionsReturned", List.of("allergies", "medications"))
                  .build()));
    }
    return entries;
  }

  /** Runs {@code sql} as the tables' owner, with the append-only triggers switched off. */
  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String disable : disableTriggers()) {
        s.execute(disable);
      }
      s.executeUpdate(sql);
    }
  }

  /** Runs {@code sql} as the gateway would, triggers in force. */
  private void attempt(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /**
   * Rewrites every entry from {@code from} on, the first with a forged user name, recomputing each
   * hash and the chain head so that the chain alone still verifies.
   */
  private void rewriteFrom(long from) throws SQLException {
    List<AuditEntry> stored = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT "
                    + AuditRows.COLUMNS
                    + " FROM audit_entry WHERE sequence_number >= "
                    + from
                    + " ORDER BY sequence_number")) {
      while (rows.next()) {
        stored.add(AuditRows.read(rows));
      }
    }
    execute("DELETE FROM audit_entry WHERE sequence_number >= " + from);
    String previousHash = stored.get(0).previousHash();
    for (AuditEntry original : stored) {
      AuditEntry unsealed =
          original.sequence() == from
              ? copy(original, previousHash, "")
              : new AuditEntry(
                  original.sequence(),
                  original.time(),
                  original.event(),
                  original.outcome(),
                  original.reasonCode(),
                  original.userId(),
                  original.userName(),
                  original.role(),
                  original.organisation(),
                  original.patient(),
                  original.device(),
                  original.correlationId(),
                  original.details(),
                  previousHash,
                  "");
      AuditEntry rewritten = copyHash(unsealed, AuditHash.of(unsealed));
      insert(rewritten);
      previousHash = rewritten.hash();
    }
    execute("UPDATE audit_chain_head SET last_hash = '" + previousHash + "' WHERE id = 1");
  }

  private static AuditEntry copyHash(AuditEntry e, String hash) {
    return new AuditEntry(
        e.sequence(),
        e.time(),
        e.event(),
        e.outcome(),
        e.reasonCode(),
        e.userId(),
        e.userName(),
        e.role(),
        e.organisation(),
        e.patient(),
        e.device(),
        e.correlationId(),
        e.details(),
        e.previousHash(),
        hash);
  }

  /** Appends {@code count} entries and signs a checkpoint, a minute later on the clock. */
  private Checkpoint appendAndCheckpoint(int count) throws Exception {
    appendEntries(trail, count);
    clock.advance(Duration.ofMinutes(1));
    return checkpointer.checkpoint().orElseThrow();
  }

  /** Moves entries from {@code sequence} on one place up, making room for an insertion. */
  private void shiftFrom(int sequence) throws SQLException {
    execute(
        "UPDATE audit_entry SET sequence_number = sequence_number + 1000 WHERE sequence_number >= "
            + sequence);
    execute(
        "UPDATE audit_entry SET sequence_number = sequence_number - 999 WHERE sequence_number >= 1000");
  }

  private AuditEntry verifierHead() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT "
                    + AuditRows.COLUMNS
                    + " FROM audit_entry ORDER BY sequence_number DESC LIMIT 1")) {
      rows.next();
      return AuditRows.read(rows);
    }
  }

  private void insert(AuditEntry entry) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(AuditRows.INSERT)) {
      AuditRows.bind(insert, entry);
      insert.executeUpdate();
    }
  }

  private static AuditEntry copy(AuditEntry e, String previousHash, String hash) {
    return new AuditEntry(
        e.sequence(),
        e.time(),
        e.event(),
        e.outcome(),
        e.reasonCode(),
        e.userId(),
        Optional.of("Forged Entry"),
        e.role(),
        e.organisation(),
        e.patient(),
        e.device(),
        e.correlationId(),
        e.details(),
        previousHash,
        hash);
  }

  private static AuditEntry withSequence(AuditEntry e, long sequence) {
    return new AuditEntry(
        sequence,
        e.time(),
        e.event(),
        e.outcome(),
        e.reasonCode(),
        e.userId(),
        e.userName(),
        e.role(),
        e.organisation(),
        e.patient(),
        e.device(),
        e.correlationId(),
        e.details(),
        e.previousHash(),
        e.hash());
  }
}
