package org.carelens.sdk.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source's settings as a {@link SourceAdapterFactory} reads them: the values under {@code
 * carelens.sources.<id>}, by key ({@code url}, {@code provider-ods}, {@code time-limit}, ...), with
 * typed getters that check each value and name the full setting when it is wrong ({@code
 * carelens.sources.acute.url: not an absolute http(s) URI}).
 *
 * <p>Besides the adapter's own keys it holds the settings the gateway itself reads, resolved to
 * their defaults: {@code type}, {@code name} (see {@link #displayName()}), {@code time-limit} and
 * {@code connect-timeout}. A blank value counts as not set. A list is one comma-separated value.
 *
 * <p>Immutable and thread-safe. Nothing here is {@code null}: an absent setting is an empty {@link
 * Optional}, or a {@link SourceConfigException} from the getters for required settings. {@link
 * #toString()} lists the keys only, never values, so secrets cannot reach a log through it.
 */
public final class SourceConfig {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final String sourceId;
  private final String path;
  private final Map<String, String> settings;

  private SourceConfig(String sourceId, String path, Map<String, String> settings) {
    this.sourceId = sourceId;
    this.path = path;
    this.settings = settings;
  }

  /**
   * The settings of source {@code sourceId}, configured under {@code carelens.sources.<sourceId>}.
   *
   * @param settings values by key (lower-case, hyphenated: {@code provider-ods}); copied
   */
  public static SourceConfig of(String sourceId, Map<String, String> settings) {
    return of("carelens.sources." + sourceId, sourceId, settings);
  }

  /**
   * The settings of source {@code sourceId}, configured under {@code path} (used in messages).
   *
   * @param settings values by key (lower-case, hyphenated: {@code provider-ods}); copied
   */
  public static SourceConfig of(String path, String sourceId, Map<String, String> settings) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(settings, "settings");
    if (!ID.matcher(sourceId).matches()) {
      throw new SourceConfigException(
          path, "source id must be lower-case letters, digits and hyphens, was '" + sourceId + "'");
    }
    Map<String, String> copy = new TreeMap<>();
    settings.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "a setting's key");
          Objects.requireNonNull(value, () -> "setting " + path + "." + key + " is null");
          copy.put(key, value);
        });
    return new SourceConfig(sourceId, path, Map.copyOf(copy));
  }

  /** The source's id, e.g. {@code acute}: what the API, audit and configuration call it. */
  public String sourceId() {
    return sourceId;
  }

  /** Where the settings live, e.g. {@code carelens.sources.acute}. */
  public String path() {
    return path;
  }

  /** The full name of a setting, e.g. {@code carelens.sources.acute.url}. */
  public String setting(String key) {
    return path + "." + key;
  }

  /** The keys that are set (blank values included), for diagnostics. */
  public Set<String> keys() {
    return settings.keySet();
  }

  /** What users read: the {@code name} setting, or the source id when it is not set. */
  public String displayName() {
    return optionalString("name").orElse(sourceId);
  }

  /** A required text setting. */
  public String string(String key) {
    return optionalString(key).orElseThrow(() -> missing(key));
  }

  /** A text setting, stripped; empty when absent or blank. */
  public Optional<String> optionalString(String key) {
    String value = settings.get(Objects.requireNonNull(key, "key"));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * A required secret (API key, client secret). Like {@link #string}, but no message ever holds its
   * value.
   */
  public String secret(String key) {
    return optionalSecret(key).orElseThrow(() -> missing(key));
  }

  /** An optional secret; empty when absent or blank. */
  public Optional<String> optionalSecret(String key) {
    return optionalString(key);
  }

  /** A required absolute {@code http} or {@code https} URI with a host. */
  public URI uri(String key) {
    return optionalUri(key).orElseThrow(() -> missing(key));
  }

  /** An optional absolute {@code http} or {@code https} URI; empty when absent or blank. */
  public Optional<URI> optionalUri(String key) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(text.get());
    } catch (URISyntaxException e) {
      throw invalid(key, "not an absolute http(s) URI (was '" + text.get() + "')");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw invalid(key, "not an absolute http(s) URI (was '" + text.get() + "')");
    }
    return Optional.of(uri);
  }

  /**
   * A required positive duration: {@code 500ms}, {@code 3s}, {@code 5m}, {@code 1h}, {@code 1d} or
   * ISO-8601 ({@code PT3S}).
   */
  public Duration duration(String key) {
    return optionalDuration(key).orElseThrow(() -> missing(key));
  }

  /** An optional positive duration, written as for {@link #duration}; empty when absent. */
  public Optional<Duration> optionalDuration(String key) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Duration duration = parseDuration(text.get()).orElseThrow(() -> notADuration(key, text.get()));
    if (!duration.isPositive()) {
      throw invalid(key, "must be a positive duration (was '" + text.get() + "')");
    }
    return Optional.of(duration);
  }

  /** A {@code true}/{@code false} setting; {@code defaultValue} when absent. */
  public boolean flag(String key, boolean defaultValue) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    return switch (text.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, "must be true or false (was '" + text.get() + "')");
    };
  }

  /** An optional positive whole number; empty when absent. */
  public Optional<Integer> optionalPositiveInt(String key) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value > 0) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, "must be a positive whole number (was '" + text.get() + "')");
  }

  /** A comma-separated list, each entry stripped, blanks dropped; empty when absent. */
  public List<String> list(String key) {
    return optionalString(key).stream()
        .flatMap(text -> Arrays.stream(text.split(",")))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .toList();
  }

  /**
   * The exception for a setting that is present but wrong, for checks the typed getters cannot
   * make: {@code throw config.invalid("endpoint-hosts", "'*' alone would allow any host")}.
   */
  public SourceConfigException invalid(String key, String problem) {
    return new SourceConfigException(setting(key), problem);
  }

  /** The exception for a problem of the source as a whole, e.g. two settings that conflict. */
  public SourceConfigException invalid(String problem) {
    return new SourceConfigException(path, problem);
  }

  private SourceConfigException missing(String key) {
    return invalid(key, "required, but not set");
  }

  private SourceConfigException notADuration(String key, String text) {
    return invalid(key, "not a duration such as 500ms, 3s or PT3S (was '" + text + "')");
  }

  private static Optional<Duration> parseDuration(String text) {
    Matcher shortForm = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (shortForm.matches()) {
      long amount;
      try {
        amount = Long.parseLong(shortForm.group(1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      return Optional.of(
          switch (shortForm.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          });
    }
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "SourceConfig[" + path + ": " + String.join(", ", settings.keySet()) + "]";
  }
}
