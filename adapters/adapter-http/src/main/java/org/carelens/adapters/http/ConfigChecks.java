package org.carelens.adapters.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The checks every adapter's config record makes in its compact constructor, with one wording for
 * all of them: each failure is an {@link IllegalArgumentException} that names the field, the source
 * and (except for secrets) the refused value, e.g. {@code providerOds must be an ODS code of 3 to
 * 10 upper-case letters or digits, was 'a81 001' (source gp)}. A factory turns these into
 * configuration errors with {@link HttpSourceSettings#checked}.
 */
public final class ConfigChecks {

  private ConfigChecks() {}

  /** A Carelens source id: lower-case letters, digits and hyphens, starting with a letter. */
  public static String sourceId(String sourceId) {
    Objects.requireNonNull(sourceId, "sourceId must not be null");
    if (!sourceId.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "sourceId must be lower-case letters, digits and hyphens, starting with a letter, was '"
              + sourceId
              + "'");
    }
    return sourceId;
  }

  /**
   * The settings every HTTP adapter's config has: a source id, a display name, an API root, two
   * timeouts and a body limit.
   *
   * @return the API root as {@link #baseUrl} normalises it
   */
  public static URI httpSource(
      String sourceId,
      String displayName,
      URI baseUrl,
      Duration connectTimeout,
      Duration requestTimeout,
      int maxResponseBytes) {
    sourceId(sourceId);
    notBlank(sourceId, "displayName", displayName);
    URI checked = baseUrl(sourceId, baseUrl);
    positive(sourceId, "connectTimeout", connectTimeout);
    positive(sourceId, "requestTimeout", requestTimeout);
    positive(sourceId, "maxResponseBytes", maxResponseBytes);
    return checked;
  }

  /** A text users read, e.g. the display name. */
  public static String notBlank(String sourceId, String name, String value) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "%s must not be blank (source %s)".formatted(name, sourceId));
    }
    return value;
  }

  /**
   * An API root: absolute http or https, with a host, without query or fragment. Returned without a
   * trailing slash, so paths can be appended as {@code baseUrl + "/Patient"}.
   */
  public static URI baseUrl(String sourceId, URI baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl must not be null");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http or https URL, was '%s' (source %s)"
              .formatted(baseUrl, sourceId));
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl must name a host, was '%s' (source %s)".formatted(baseUrl, sourceId));
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must be the API root without query or fragment, was '%s' (source %s)"
              .formatted(baseUrl, sourceId));
    }
    String text = baseUrl.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
  }

  /** An ODS (or council) organisation code: 3 to 10 upper-case letters or digits. */
  public static String odsCode(String sourceId, String name, String value) {
    Objects.requireNonNull(value, name + " must not be null");
    if (!value.matches("[A-Z0-9]{3,10}")) {
      throw new IllegalArgumentException(
          "%s must be an ODS code of 3 to 10 upper-case letters or digits, was '%s' (source %s)"
              .formatted(name, value, sourceId));
    }
    return value;
  }

  /** A positive duration, e.g. a timeout. */
  public static Duration positive(String sourceId, String name, Duration value) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "%s must be positive, was %s (source %s)".formatted(name, value, sourceId));
    }
    return value;
  }

  /** A positive number, e.g. a size limit or a page cap. */
  public static int positive(String sourceId, String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "%s must be positive, was %d (source %s)".formatted(name, value, sourceId));
    }
    return value;
  }

  /**
   * A secret or identifier that travels in an HTTP header or Basic credentials: 1 to 256 printable
   * ASCII characters ({@code spaces} says whether a space is one), so it cannot split a header. The
   * message never quotes the value.
   */
  public static String headerSafe(String sourceId, String name, String value, boolean spaces) {
    Objects.requireNonNull(value, name + " must not be null");
    String allowed = spaces ? "[\\x20-\\x7E]{1,256}" : "[\\x21-\\x7E]{1,256}";
    if (value.isBlank() || !value.matches(allowed)) {
      throw new IllegalArgumentException(
          "%s must be 1 to 256 printable ASCII characters%s (source %s)"
              .formatted(name, spaces ? "" : " without spaces", sourceId));
    }
    return value;
  }
}
