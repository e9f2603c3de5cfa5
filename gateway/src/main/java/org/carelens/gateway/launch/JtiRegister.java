package org.carelens.gateway.launch;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.carelens.gateway.persistence.Transactions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register of used launch-token ids (RFC 7519 {@code jti}), in the gateway database: single use
 * holds across restarts and across every gateway instance sharing the database, because the primary
 * key on (issuer, jti) lets exactly one insert win.
 */
@Singleton
public class JtiRegister {

  private static final Logger LOG = LoggerFactory.getLogger(JtiRegister.class);

  private final DataSource dataSource;
  private final Clock clock;
  private final LaunchProperties properties;

  public JtiRegister(DataSource dataSource, Clock clock, LaunchProperties properties) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Records the first use of {@code jti} from {@code issuer}, in a transaction of its own.
   *
   * @param expiresAt the token's {@code exp}; the id is remembered until then plus clock skew
   * @return true on first use, false if the id was used before (a replay)
   * @throws SQLException if the register cannot be written (the caller fails closed)
   */
  boolean firstUse(String issuer, String jti, Instant expiresAt) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return firstUse(c, issuer, jti, expiresAt);
    }
  }

  /**
   * Records the first use of {@code jti} from {@code issuer} on {@code connection}, in the caller's
   * transaction when it has one: the use then counts only if that transaction commits, and a
   * concurrent first use of the same id waits for it and is then refused as a replay.
   *
   * @return true on first use, false if the id was used before (a replay); after false the caller's
   *     transaction must be rolled back (PostgreSQL has aborted it)
   * @throws SQLException if the register cannot be written (the caller fails closed)
   */
  boolean firstUse(Connection connection, String issuer, String jti, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO launch_jti (issuer, jti, used_at, forget_after) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, issuer);
      insert.setString(2, jti);
      insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
      insert.setObject(4, expiresAt.plus(properties.getClockSkew()).atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (Transactions.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Spends the {@code jti} of a token that passed every other check: on {@code connection}, in the
   * caller's transaction, where it counts only if that transaction commits; or, when {@code
   * connection} is null, in a transaction of its own.
   *
   * @param replayed the refusal's message for a token used before
   * @param unavailable the refusal's message when the register cannot be written
   * @throws LaunchRejectedException {@code TOKEN_REPLAYED} if the id was used before (the caller's
   *     transaction must roll back; PostgreSQL has aborted it), or {@code REPLAY_CHECK_UNAVAILABLE}
   *     (temporary) if the register cannot be written: without it a replay could not be told from a
   *     first use, so the launch fails closed
   */
  void spend(
      @Nullable Connection connection, LaunchContext token, String replayed, String unavailable) {
    boolean first;
    try {
      first =
          connection == null
              ? firstUse(token.issuer(), token.jti(), token.expiresAt())
              : firstUse(connection, token.issuer(), token.jti(), token.expiresAt());
    } catch (SQLException e) {
      throw new LaunchRejectedException(
          LaunchRefusal.REPLAY_CHECK_UNAVAILABLE, unavailable, null, true);
    }
    if (!first) {
      throw new LaunchRejectedException(LaunchRefusal.TOKEN_REPLAYED, replayed, token, false);
    }
  }

  /**
   * Forgets ids whose tokens can no longer verify (past {@code exp} plus skew): a replay of such a
   * token is refused as expired anyway, so the register stays small without weakening single use.
   */
  @Scheduled(initialDelay = "1m", fixedDelay = "10m")
  public void forgetExpired() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM launch_jti WHERE forget_after < ?")) {
      delete.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
      int forgotten = delete.executeUpdate();
      LOG.debug("Forgot {} expired launch-token ids", forgotten);
    } catch (SQLException e) {
      LOG.warn("Could not purge expired launch-token ids; will retry", e);
    }
  }
}
