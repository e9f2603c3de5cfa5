package org.carelens.gateway.audit;

import com.zaxxer.hikari.HikariDataSource;
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
}
