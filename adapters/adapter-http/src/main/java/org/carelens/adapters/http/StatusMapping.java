package org.carelens.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;

/**
 * Turns an HTTP status other than 200 into a source outcome, the same way for every adapter:
 *
 * <ul>
 *   <li>404, and 410 where the adapter says so: what the adapter declares ({@link #notFound}), e.g.
 *       GP Connect's {@code PATIENT_NOT_FOUND} is "no record"; by default an error, because a
 *       missing endpoint must never look like a patient without a record;
 *   <li>403: a refusal the adapter declares ({@link #forbidden}), e.g. {@code NO_PATIENT_CONSENT}
 *       is withheld by the source; otherwise an error;
 *   <li>401: an error that tells the operator to check the configured credentials;
 *   <li>429: an error that says when the source asks to be asked again ({@code Retry-After});
 *   <li>5xx and anything else: an error naming the status and the source's error code.
 * </ul>
 *
 * <p>Every error is {@link Kind#SOURCE_ERROR}: the source was reached and said no. The body is
 * never quoted; only the error code the adapter reads from it (a Spine code, an OperationOutcome
 * issue code), which names no patient. Immutable: build one per adapter and share it.
 */
public final class StatusMapping {

  /** What a declared status means, given the error code read from the body. */
  @FunctionalInterface
  public interface Meaning {
    Optional<SourceOutcome> of(Optional<String> errorCode);
  }

  private final String source;
  private final Function<byte[], Optional<String>> errorCode;
  private final Meaning notFound;
  private final boolean goneIsNotFound;
  private final Meaning forbidden;
  private final String credentials;
  private final Clock clock;

  private StatusMapping(
      String source,
      Function<byte[], Optional<String>> errorCode,
      Meaning notFound,
      boolean goneIsNotFound,
      Meaning forbidden,
      String credentials,
      Clock clock) {
    this.source = source;
    this.errorCode = errorCode;
    this.notFound = notFound;
    this.goneIsNotFound = goneIsNotFound;
    this.forbidden = forbidden;
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * @param source names the source in details, e.g. {@code "the GP Connect provider"}
   * @param errorCode reads the source's error code from an error body (empty when it has none);
   *     must never return free text, which may echo the patient
   */
  public static StatusMapping of(String source, Function<byte[], Optional<String>> errorCode) {
    return new StatusMapping(
        Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(errorCode, "errorCode"),
        code -> Optional.empty(),
        false,
        code -> Optional.empty(),
        "credentials",
        Clock.systemUTC());
  }

  /** What 404 means for this source; without it, 404 is an error. */
  public StatusMapping notFound(Meaning meaning) {
    return new StatusMapping(
        source, errorCode, meaning, goneIsNotFound, forbidden, credentials, clock);
  }

  /** 404 of any kind means the source holds no record for the patient. */
  public StatusMapping notFoundIsNoRecord(String detail) {
    return notFound(code -> Optional.of(new SourceOutcome.NoRecord(detail)));
  }

  /** 404 with this error code means the source holds no record; other 404s are errors. */
  public StatusMapping notFoundIsNoRecord(String requiredCode, String detail) {
    return notFound(
        code -> code.filter(requiredCode::equals).map(c -> new SourceOutcome.NoRecord(detail)));
  }

  /** 410 Gone means what 404 does (a record or document removed for good). */
  public StatusMapping goneIsNotFound() {
    return new StatusMapping(source, errorCode, notFound, true, forbidden, credentials, clock);
  }

  /** 403 with this error code is the source withholding the record, reported under the code. */
  public StatusMapping forbiddenIsWithheld(String requiredCode, String detail) {
    Meaning meaning =
        code ->
            code.filter(requiredCode::equals)
                .map(c -> new SourceOutcome.WithheldBySource(c, detail));
    return new StatusMapping(
        source, errorCode, notFound, goneIsNotFound, meaning, credentials, clock);
  }

  /** What a 401 asks the operator to check, e.g. {@code "API key"}. */
  public StatusMapping credentials(String credentials) {
    return new StatusMapping(
        source, errorCode, notFound, goneIsNotFound, forbidden, credentials, clock);
  }

  /** The clock that reads an HTTP-date {@code Retry-After}. */
  public StatusMapping clock(Clock clock) {
    return new StatusMapping(
        source, errorCode, notFound, goneIsNotFound, forbidden, credentials, clock);
  }

  /** The outcome of a reply whose status is not 200. */
  public SourceOutcome outcome(HttpReply reply) {
    Optional<String> code = errorCode(reply);
    int status = reply.status();
    Optional<SourceOutcome> declared =
        switch (status) {
          case 404 -> notFound.of(code);
          case 410 -> goneIsNotFound ? notFound.of(code) : Optional.empty();
          case 403 -> forbidden.of(code);
          default -> Optional.empty();
        };
    return declared.orElseGet(() -> failure(reply, code));
  }

  /** The error a status means when the adapter declared nothing for it. */
  public SourceOutcome.Failed failure(HttpReply reply) {
    return failure(reply, errorCode(reply), source);
  }

  /**
   * As {@link #failure(HttpReply)}, naming one call of the source, e.g. {@code "the Patient
   * search"}.
   */
  public SourceOutcome.Failed failure(HttpReply reply, String call) {
    return failure(reply, errorCode(reply), call);
  }

  private SourceOutcome.Failed failure(HttpReply reply, Optional<String> code) {
    return failure(reply, code, source);
  }

  private SourceOutcome.Failed failure(HttpReply reply, Optional<String> code, String from) {
    int status = reply.status();
    String said =
        "HTTP %d from %s%s".formatted(status, from, code.map(c -> " (" + c + ")").orElse(""));
    String why =
        switch (status) {
          case 401 -> ": credentials refused; check the configured " + credentials;
          case 403 -> ": access refused";
          case 404 -> ": not found";
          case 410 -> ": gone";
          case 429 ->
              reply
                  .retryAfter(clock)
                  .map(d -> ": too many requests; the source asks for none for " + seconds(d))
                  .orElse(": too many requests");
          default -> status >= 500 ? ": the source failed" : "";
        };
    return new SourceOutcome.Failed(Kind.SOURCE_ERROR, said + why);
  }

  /** The error code of a reply's body, as the adapter reads it; empty for an empty body. */
  public Optional<String> errorCode(HttpReply reply) {
    if (reply.body().length == 0) {
      return Optional.empty();
    }
    try {
      return errorCode.apply(reply.body());
    } catch (RuntimeException unreadable) {
      // An error page from a proxy or load balancer: the status alone is reported.
      return Optional.empty();
    }
  }

  private static String seconds(Duration wait) {
    return wait.toSeconds() + " s";
  }
}
