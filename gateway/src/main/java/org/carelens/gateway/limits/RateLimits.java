package org.carelens.gateway.limits;

import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.persistence.DatabaseLocality;
import org.carelens.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-user and per-address allowances, counted in the shared database so that they hold across
 * every gateway replica (issue 15): behind N replicas a user still gets one allowance, not N.
 *
 * <p>Each allowance is a fixed window of {@code period}, aligned to the epoch so that every replica
 * agrees where a window ends, with a counter in {@code rate_limit_window}. A request adds one to
 * each counter it draws on, in one upsert statement ({@code INSERT ... ON CONFLICT ... RETURNING}
 * on PostgreSQL, {@code MERGE} in a data change delta table on H2), and is refused if any count is
 * then over its limit; {@code Retry-After} is the time left in the window. A fixed window lets a
 * burst of up to twice the limit straddle a window's end; the limits stop scripts, and a script
 * still gets at most twice a clinician's allowance per period. Time is the injected clock.
 *
 * <p>On a database only this process can open (the embedded H2 file database of {@code ./carelens
 * demo}; {@link DatabaseLocality}) there is exactly one gateway, so the same windows are counted in
 * this process's memory instead: an upsert and a commit per limited request cost about 2 of the
 * gateway's 15 ms of CPU per view in the issue 14 benchmark. A restart then starts the current
 * window again, which lets a user at most one more allowance per restart.
 *
 * <p>A database that cannot count fails closed: 503 {@code RATE_LIMIT_UNAVAILABLE}, as every
 * limited endpoint would fail closed on the same database a moment later. Blocks on the database:
 * never call it on the event loop. Thread-safe.
 */
@Singleton
public class RateLimits {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

  /** The problem code of every 429. */
  public static final String RATE_LIMITED = "RATE_LIMITED";

  /** The problem code when the counters cannot be read or written. */
  public static final String RATE_LIMIT_UNAVAILABLE = "RATE_LIMIT_UNAVAILABLE";

  /** A {@code who} longer than this is stored as its SHA-256, so any key fits the column. */
  static final int MAX_WHO = 200;

  /** Whose allowance a permit is taken from. */
  public enum Scope {
    USER,
    ADDRESS
  }

  /** One allowance: a function, whose, and who. */
  record Key(RateLimit limit, Scope scope, String who) {

    /** The order counters are locked in, the same in every request, so no two deadlock. */
    static final Comparator<Key> LOCK_ORDER =
        Comparator.comparing(Key::limit).thenComparing(Key::scope).thenComparing(Key::who);

    String storedWho() {
      return who.length() <= MAX_WHO ? who : "sha256:" + sha256(who);
    }
  }

  private final LimitsProperties properties;
  private final Clock clock;
  private final GatewayMetrics metrics;
  private final DataSource dataSource;
  private volatile @Nullable Boolean postgres;

  /** Whether the counters live in this process (a database no other process can open). */
  private final boolean inMemory;

  /** The counters when {@link #inMemory}: a key and its window's start, to the hits so far. */
  private final ConcurrentHashMap<Counter, AtomicInteger> counters = new ConcurrentHashMap<>();

  private record Counter(RateLimit limit, Scope scope, String who, Instant windowStart) {}

  public RateLimits(
      LimitsProperties properties, Clock clock, GatewayMetrics metrics, DataSource dataSource) {
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
    this.dataSource = dataSource;
    this.inMemory = DatabaseLocality.onlyThisProcess(dataSource);
  }

  /**
   * Takes one permit from {@code address}'s allowance for {@code limit} and, if the user is known,
   * one from the user's, in one database statement.
   *
   * @throws ProblemException 429 {@code RATE_LIMITED} with the wait as {@code Retry-After}; 503
   *     {@code RATE_LIMIT_UNAVAILABLE} if the counters cannot be written
   */
  public void acquire(RateLimit limit, String address, Optional<String> user) {
    List<Key> keys = new ArrayList<>(2);
    keys.add(new Key(limit, Scope.ADDRESS, address));
    user.ifPresent(u -> keys.add(new Key(limit, Scope.USER, u)));
    acquire(keys);
  }

  /**
   * Takes one permit from {@code address}'s allowance for {@code limit}.
   *
   * @throws ProblemException as {@link #acquire(RateLimit, String, Optional)}
   */
  public void acquireForAddress(RateLimit limit, String address) {
    acquire(List.of(new Key(limit, Scope.ADDRESS, address)));
  }

  /**
   * Takes one permit from {@code user}'s allowance for {@code limit}.
   *
   * @param user the same key for every session of the user (see {@link SessionUsers})
   * @throws ProblemException as {@link #acquire(RateLimit, String, Optional)}
   */
  public void acquireForUser(RateLimit limit, String user) {
    acquire(List.of(new Key(limit, Scope.USER, user)));
  }

  /**
   * Deletes the counters of windows that have ended. Any replica may run it; a counter deleted
   * early (a replica whose clock runs ahead) only starts its window again, more leniently.
   */
  @Scheduled(initialDelay = "1m", fixedDelay = "1m")
  public void forgetPastWindows() {
    Instant before = windowStart(clock.instant()).minus(properties.getPeriod());
    if (inMemory) {
      counters.keySet().removeIf(counter -> counter.windowStart().isBefore(before));
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM rate_limit_window WHERE window_start < ?")) {
      delete.setObject(1, utc(before));
      LOG.debug("Forgot {} rate-limit counters", delete.executeUpdate());
    } catch (SQLException e) {
      LOG.warn("Could not delete past rate-limit counters; will retry", e);
    }
  }

  /** How many counters the current and past windows hold (for tests and diagnostics). */
  public long trackedKeys() {
    if (inMemory) {
      return counters.size();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM rate_limit_window");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private void acquire(List<Key> keys) {
    if (!properties.isEnabled()) {
      return;
    }
    Instant now = clock.instant();
    Instant start = windowStart(now);
    List<Key> ordered = keys.stream().sorted(Key.LOCK_ORDER).toList();
    Map<Key, Integer> hits = count(ordered, start);
    // The address is checked first, so its refusal is the one reported when both are over.
    for (Key key : keys) {
      int allowed =
          key.scope() == Scope.USER
              ? properties.perUser(key.limit())
              : properties.perAddress(key.limit());
      int counted = hits.getOrDefault(key, 0);
      if (counted > allowed) {
        refuse(key, allowed, Duration.between(now, start.plus(properties.getPeriod())));
      }
    }
  }

  private Map<Key, Integer> count(List<Key> keys, Instant windowStart) {
    if (inMemory) {
      Map<Key, Integer> hits = new HashMap<>();
      for (Key key : keys) {
        hits.put(
            key,
            counters
                .computeIfAbsent(
                    new Counter(key.limit(), key.scope(), key.storedWho(), windowStart),
                    k -> new AtomicInteger())
                .incrementAndGet());
      }
      return hits;
    }
    SQLException last = null;
    // H2's MERGE can race with itself on a new window's first requests (a duplicate key); the
    // loser counts again. PostgreSQL's ON CONFLICT never does.
    for (int attempt = 0; attempt < 3; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        return count(c, keys, windowStart);
      } catch (SQLException e) {
        last = e;
        if (!"23505".equals(e.getSQLState())) {
          break;
        }
      }
    }
    throw unavailable(last);
  }

  private Map<Key, Integer> count(Connection c, List<Key> keys, Instant windowStart)
      throws SQLException {
    boolean pg = isPostgres(c);
    try (PreparedStatement upsert = c.prepareStatement(pg ? postgresSql(keys) : h2Sql(keys))) {
      int i = 1;
      for (Key key : keys) {
        upsert.setString(i++, key.limit().key());
        upsert.setString(i++, key.scope().name());
        upsert.setString(i++, key.storedWho());
        upsert.setObject(i++, utc(windowStart));
      }
      Map<String, Integer> byStored = new HashMap<>();
      try (ResultSet rows = upsert.executeQuery()) {
        while (rows.next()) {
          byStored.put(rows.getString(1) + " " + rows.getString(2), rows.getInt(3));
        }
      }
      Map<Key, Integer> hits = new HashMap<>();
      for (Key key : keys) {
        Integer n = byStored.get(key.scope().name() + " " + key.storedWho());
        if (n == null) {
          throw new SQLException("The rate-limit upsert returned no count for " + key);
        }
        hits.put(key, n);
      }
      return hits;
    }
  }

  private static String postgresSql(List<Key> keys) {
    return "INSERT INTO rate_limit_window AS w (limit_key, scope, who, window_start, hits) VALUES "
        + String.join(", ", java.util.Collections.nCopies(keys.size(), "(?, ?, ?, ?, 1)"))
        + " ON CONFLICT (limit_key, scope, who, window_start) DO UPDATE SET hits = w.hits + 1"
        + " RETURNING scope, who, hits";
  }

  private static String h2Sql(List<Key> keys) {
    String row =
        "(CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(8)), CAST(? AS VARCHAR(256)),"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE))";
    return "SELECT scope, who, hits FROM FINAL TABLE (MERGE INTO rate_limit_window w USING (VALUES "
        + String.join(", ", java.util.Collections.nCopies(keys.size(), row))
        + ") s (limit_key, scope, who, window_start) ON w.limit_key = s.limit_key"
        + " AND w.scope = s.scope AND w.who = s.who AND w.window_start = s.window_start"
        + " WHEN MATCHED THEN UPDATE SET hits = w.hits + 1"
        + " WHEN NOT MATCHED THEN INSERT (limit_key, scope, who, window_start, hits)"
        + " VALUES (s.limit_key, s.scope, s.who, s.window_start, 1))";
  }

  private boolean isPostgres(Connection c) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
      postgres = known;
    }
    return known;
  }

  private void refuse(Key key, int allowed, Duration wait) {
    metrics.requestLimited(key.limit().key(), key.scope().name().toLowerCase(Locale.ROOT));
    throw ProblemException.tooManyRequests(
        RATE_LIMITED,
        "Too many %s requests from %s: at most %d every %s; try again after the Retry-After delay"
            .formatted(
                key.limit().key(),
                key.scope() == Scope.USER ? "this user" : "this address",
                allowed,
                words(properties.getPeriod())),
        wait);
  }

  /** Where the window holding {@code now} starts: windows are aligned to the epoch. */
  Instant windowStart(Instant now) {
    long period = properties.getPeriod().toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period) * period);
  }

  private static ProblemException unavailable(@Nullable SQLException e) {
    LOG.error("Rate-limit counters could not be written; failing closed", e);
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        RATE_LIMIT_UNAVAILABLE,
        "Service unavailable",
        "The request could not be counted against its rate limit"
            + (e == null ? "" : " (" + e.getClass().getSimpleName() + ")"));
  }

  private static String words(Duration period) {
    if (period.toSecondsPart() == 0 && period.toMillisPart() == 0 && period.toMinutes() > 0) {
      return period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes";
    }
    return period.toMillis() + " ms";
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }
}
