package org.carelens.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carelens.sdk.model.NhsNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit chain's guarantees, run against each supported database: appends chain and number
 * without gaps (also from several pools at once, as several gateway instances would), and every
 * kind of direct tampering — edit, delete, reorder, insert, append behind the gateway's back — is
 * reported at the first broken sequence number, with no false alarm on an untouched chain.
 */
abstract class AuditChainContract {

  static final int ENTRIES = 10;

  HikariDataSource dataSource;
  AuditTrail trail;
  ChainVerifier verifier;

  /** A migrated, empty database; called once per test. */
  abstract HikariDataSource openDatabase();

  /** A second pool on the same database, as a second gateway instance would have. */
  abstract HikariDataSource openSecondPool();

  @BeforeEach
  void open() {
    dataSource = openDatabase();
    trail = new AuditTrail(dataSource, Clock.systemUTC());
    verifier = new ChainVerifier(dataSource);
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

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /** Moves entries from {@code sequence} on one place up, making room for an insertion. */
  private void shiftFrom(int sequence) throws SQLException {
    execute(
        "UPDATE audit_entry SET sequence_number = sequence_number + 1000 WHERE sequence_number >= "
            + sequence);
    execute(
        "UPDATE audit_entry SET sequence_number = sequence_number - 999 WHERE sequence_number >= 1000");
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
