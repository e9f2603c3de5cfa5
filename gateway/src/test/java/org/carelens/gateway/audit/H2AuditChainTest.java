package org.carelens.gateway.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.carelens.gateway.persistence.TestDatabases;

/** The audit chain on the embedded default: H2 in PostgreSQL mode. */
class H2AuditChainTest extends AuditChainContract {

  private String url;

  @Override
  HikariDataSource openDatabase() {
    url = TestDatabases.h2MemoryUrl();
    return TestDatabases.h2(url);
  }

  @Override
  HikariDataSource openSecondPool() {
    return TestDatabases.h2(url);
  }

  /** H2's {@code sa} owns the tables and may drop the triggers. */
  @Override
  List<String> disableTriggers() {
    return List.of(
        "DROP TRIGGER IF EXISTS audit_entry_append_only",
        "DROP TRIGGER IF EXISTS audit_chain_head_advance_only");
  }
}
