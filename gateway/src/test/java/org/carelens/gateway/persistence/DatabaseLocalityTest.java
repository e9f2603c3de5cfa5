package org.carelens.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLocalityTest {

  @Test
  void an_embedded_h2_file_database_is_this_process_s_alone() {
    assertThat(
            DatabaseLocality.onlyThisProcess(
                "jdbc:h2:file:./.carelens/data/carelens;MODE=PostgreSQL;WRITE_DELAY=0"))
        .isTrue();
    assertThat(DatabaseLocality.onlyThisProcess("jdbc:h2:./data/carelens")).isTrue();
    assertThat(DatabaseLocality.onlyThisProcess("jdbc:h2:~/carelens")).isTrue();
  }

  @Test
  void anything_other_processes_or_other_gateways_in_this_jvm_may_open_is_shared() {
    assertThat(DatabaseLocality.onlyThisProcess("jdbc:postgresql://127.0.0.1:5432/test")).isFalse();
    assertThat(DatabaseLocality.onlyThisProcess("jdbc:h2:mem:carelens;DB_CLOSE_DELAY=-1"))
        .isFalse();
    assertThat(DatabaseLocality.onlyThisProcess("jdbc:h2:tcp://db.example/carelens")).isFalse();
    assertThat(DatabaseLocality.onlyThisProcess("jdbc:h2:ssl://db.example/carelens")).isFalse();
    assertThat(DatabaseLocality.onlyThisProcess("jdbc:h2:file:./carelens;AUTO_SERVER=TRUE"))
        .isFalse();
    assertThat(DatabaseLocality.onlyThisProcess("jdbc:h2:./carelens;MODE=PostgreSQL;file_lock=no"))
        .isFalse();
  }

  @Test
  void the_answer_comes_from_the_pool_s_url(@TempDir Path dir) {
    try (HikariDataSource file = TestDatabases.h2(TestDatabases.h2FileUrl(dir));
        HikariDataSource memory = TestDatabases.h2Memory()) {
      assertThat(DatabaseLocality.onlyThisProcess(file)).isTrue();
      assertThat(DatabaseLocality.onlyThisProcess(memory)).isFalse();
    }
  }
}
