package org.carelens.gateway.consent;

import com.zaxxer.hikari.HikariDataSource;
import org.carelens.gateway.persistence.TestDatabases;

/** The consent register on the embedded default database. */
class H2ConsentRegisterTest extends ConsentRegisterContract {

  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.h2Memory();
  }
}
