package org.carelens.gateway.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.persistence.Transactions;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.Role;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and resolves opaque session tokens (256 random bits), kept in the shared database (issue
 * 15) so that every gateway replica serves every session. Only a SHA-256 hash of a token is stored.
 * A session ends after {@code idle-timeout} without use or {@code lifetime} after launch, whichever
 * is first, both decided against the injected clock; an ended session's row is deleted, so it does
 * not come back.
 *
 * <p>Each replica keeps what it read for at most {@code cache-ttl} (default 500 ms): a sign-out or
 * expiry on one replica takes effect on every other within that time. Use is written back at most
 * once per {@code touch-interval}, so a busy session costs one read per cache period and no write
 * per request. A database that cannot be read fails closed: 503 {@code SESSION_STORE_UNAVAILABLE}.
 *
 * <p>Thread-safe.
 */
@Singleton
public class SessionStore {

  private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);

  private static final String COLUMNS =
      "launch_issuer, launch_jti, launch_expires_at, user_id, user_name, user_role,"
          + " organisation_ods, organisation_name, organisation_type, device, reason_for_request,"
          + " patient_nhs_number, issued_at, last_used_at, expires_at";

  private final SecureRandom random = new SecureRandom();
  private final Cache<String, Read> cache;
  private final DataSource dataSource;
  private final SessionProperties properties;
  private final Clock clock;

  public SessionStore(DataSource dataSource, SessionProperties properties, Clock clock) {
    this.dataSource = dataSource;
    this.properties = properties;
    this.clock = clock;
    // The bound protects memory only; freshness is decided against the clock in find().
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(properties.getIdleTimeout())
            .maximumSize(100_000)
            .build();
  }

  /**
   * Opens a session for a verified launch and returns its access token.
   *
   * @throws ProblemException 503 {@code SESSION_STORE_UNAVAILABLE} if it cannot be stored
   */
  public IssuedSession open(LaunchContext launch) {
    return open(launch, c -> {});
  }

  /**
   * Opens a session for a verified launch after {@code first}, in the same transaction: the
   * launch's audit entry and its session commit together or not at all, for one commit instead of
   * two (issue 14: commits were the largest share of the gateway's CPU per launch). The session is
   * usable only once the commit has returned.
   *
   * @param first work that must commit with the session (the launch's audit entry); an {@link
   *     SQLException} or runtime exception from it rolls everything back and is thrown as it was
   * @throws ProblemException 503 {@code SESSION_STORE_UNAVAILABLE} if the session cannot be stored
   */
  public IssuedSession open(LaunchContext launch, Before first) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    GatewaySession session = new GatewaySession(launch, now, now.plus(properties.getLifetime()));
    String hash = hash(token);
    boolean[] firstDone = {false};
    try {
      Transactions.inTransaction(
          dataSource,
          Connection.TRANSACTION_READ_COMMITTED,
          c -> {
            first.run(c);
            firstDone[0] = true;
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO gateway_session (token_sha256, "
                        + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              insert.setString(1, hash);
              insert.setString(2, launch.issuer());
              insert.setString(3, launch.jti());
              insert.setObject(4, utc(launch.expiresAt()));
              insert.setString(5, launch.userId());
              insert.setString(6, launch.userName());
              insert.setString(7, launch.role().code());
              insert.setString(8, launch.organisationOds());
              insert.setString(9, launch.organisationName());
              insert.setString(10, launch.organisationType());
              insert.setString(11, launch.device());
              insert.setString(12, launch.reasonForRequest());
              insert.setString(13, launch.launchedPatient().map(NhsNumber::value).orElse(null));
              insert.setObject(14, utc(now));
              insert.setObject(15, utc(now));
              insert.setObject(16, utc(session.expiresAt()));
              insert.executeUpdate();
            }
            return null;
          });
    } catch (SQLException e) {
      if (!firstDone[0]) {
        throw new BeforeFailed(e);
      }
      throw unavailable("stored", e);
    }
    cache.put(hash, new Read(session, now, now));
    return new IssuedSession(token, session);
  }

  /** Work that commits with a new session. */
  @FunctionalInterface
  public interface Before {
    void run(Connection connection) throws SQLException;
  }

  /** The work before the session failed with this {@link SQLException}; nothing was committed. */
  public static final class BeforeFailed extends RuntimeException {
    BeforeFailed(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  /**
   * The live session for {@code token}, or empty if unknown, ended elsewhere, idle too long or past
   * its lifetime. Finding a session counts as activity.
   *
   * @throws ProblemException 503 {@code SESSION_STORE_UNAVAILABLE} if the database cannot be read
   */
  public Optional<GatewaySession> find(String token) {
    Instant now = clock.instant();
    String hash = hash(token);
    Read read = cache.getIfPresent(hash);
    if (read == null || !fresh(read, now)) {
      read = load(hash, now);
      if (read == null) {
        cache.invalidate(hash);
        return Optional.empty();
      }
    }
    if (read.endedAt(now, properties)) {
      delete(hash);
      return Optional.empty();
    }
    if (!now.isBefore(read.lastUsedAt().plus(properties.getTouchInterval()))) {
      touch(hash, now);
      read = new Read(read.session(), read.readAt(), now);
    }
    cache.put(hash, read);
    return Optional.of(read.session());
  }

  /**
   * The session for {@code token} as this replica last read it, without counting as activity and
   * without the database: for checks made on the event loop before the request is accepted (a
   * rate-limited request must not keep a session alive). Empty for a session this replica has not
   * seen; {@link #find} decides whether a session is live.
   */
  public Optional<GatewaySession> peek(String token) {
    Read read = cache.getIfPresent(hash(token));
    return read == null || read.endedAt(clock.instant(), properties)
        ? Optional.empty()
        : Optional.of(read.session());
  }

  /**
   * Ends the session of {@code token} at once, if there is one, on every replica within {@code
   * cache-ttl}.
   *
   * @throws ProblemException 503 {@code SESSION_STORE_UNAVAILABLE} if it cannot be deleted
   */
  public void end(String token) {
    delete(hash(token));
  }

  /**
   * Deletes the rows of sessions that ended without a request to notice (idle or past their
   * lifetime), so the table holds only live sessions. Any replica may run it.
   */
  @Scheduled(initialDelay = "1m", fixedDelay = "5m")
  public void forgetEnded() {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM gateway_session WHERE expires_at <= ? OR last_used_at <= ?")) {
      delete.setObject(1, utc(now));
      delete.setObject(2, utc(now.minus(properties.getIdleTimeout())));
      int forgotten = delete.executeUpdate();
      LOG.debug("Forgot {} ended sessions", forgotten);
    } catch (SQLException e) {
      LOG.warn("Could not delete ended sessions; will retry", e);
    }
  }

  private boolean fresh(Read read, Instant now) {
    return !now.isBefore(read.readAt())
        && now.isBefore(read.readAt().plus(properties.getCacheTtl()));
  }

  private @Nullable Read load(String hash, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM gateway_session WHERE token_sha256 = ?")) {
      select.setString(1, hash);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        String patient = row.getString(12);
        String roleCode = row.getString(6);
        Role role =
            Role.fromCode(roleCode)
                .orElseThrow(
                    () ->
                        new SQLException(
                            "gateway_session holds an unknown role '" + roleCode + "'"));
        LaunchContext launch =
            new LaunchContext(
                row.getString(1),
                row.getString(2),
                row.getString(4),
                row.getString(5),
                role,
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                patient == null ? null : new NhsNumber(patient),
                instant(row, 3));
        GatewaySession session = new GatewaySession(launch, instant(row, 13), instant(row, 15));
        return new Read(session, now, instant(row, 14));
      }
    } catch (SQLException e) {
      throw unavailable("read", e);
    }
  }

  private void touch(String hash, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE gateway_session SET last_used_at = ?"
                    + " WHERE token_sha256 = ? AND last_used_at < ?")) {
      update.setObject(1, utc(now));
      update.setString(2, hash);
      update.setObject(3, utc(now));
      update.executeUpdate();
    } catch (SQLException e) {
      throw unavailable("updated", e);
    }
  }

  private void delete(String hash) {
    cache.invalidate(hash);
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM gateway_session WHERE token_sha256 = ?")) {
      delete.setString(1, hash);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw unavailable("ended", e);
    }
  }

  private static ProblemException unavailable(String what, SQLException e) {
    LOG.error("A session could not be {}; failing closed", what, e);
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "SESSION_STORE_UNAVAILABLE",
        "Service unavailable",
        "The session could not be " + what + " (" + e.getClass().getSimpleName() + ")");
  }

  /** The stored form of a token: only its hash, so the table cannot be used to take a session. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  /** A newly opened session and its token. */
  public record IssuedSession(String accessToken, GatewaySession session) {}

  /** A session as this replica read it, when, and when it was last used as far as it knows. */
  private record Read(GatewaySession session, Instant readAt, Instant lastUsedAt) {
    boolean endedAt(Instant now, SessionProperties properties) {
      return !now.isBefore(session.expiresAt())
          || !now.isBefore(lastUsedAt.plus(properties.getIdleTimeout()));
    }
  }
}
