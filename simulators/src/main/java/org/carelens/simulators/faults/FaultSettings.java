package org.carelens.simulators.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fault profile and its parameters, validated eagerly.
 *
 * @param params whole-number parameters: {@code delayMs}, {@code minDelayMs}, {@code maxDelayMs}
 *     (slow), {@code errorRate} 0..100 and {@code status} 400..599 (flaky), {@code hangMs}
 *     (hanging), {@code sizeBytes} (huge)
 */
public record FaultSettings(FaultProfile profile, Map<String, Long> params) {

  public static final long DEFAULT_DELAY_MS = 2_000;
  public static final long DEFAULT_ERROR_RATE = 50;
  public static final long DEFAULT_HANG_MS = 600_000;
  public static final long DEFAULT_SIZE_BYTES = 20L * 1024 * 1024;
  public static final long MAX_SIZE_BYTES = 200L * 1024 * 1024;

  private static final Map<FaultProfile, Set<String>> ALLOWED =
      Map.of(
          FaultProfile.NORMAL, Set.of(),
          FaultProfile.SLOW, Set.of("delayMs", "minDelayMs", "maxDelayMs"),
          FaultProfile.FLAKY, Set.of("errorRate", "status"),
          FaultProfile.DOWN, Set.of(),
          FaultProfile.HANGING, Set.of("hangMs"),
          FaultProfile.GARBAGE, Set.of(),
          FaultProfile.HUGE, Set.of("sizeBytes"));

  public static final FaultSettings NORMAL = new FaultSettings(FaultProfile.NORMAL, Map.of());

  public FaultSettings {
    Objects.requireNonNull(profile, "profile");
    params = Map.copyOf(new LinkedHashMap<>(params));
    for (String name : params.keySet()) {
      if (!ALLOWED.get(profile).contains(name)) {
        throw new IllegalArgumentException(
            "profile '%s' takes %s, not '%s'"
                .formatted(
                    profile.key(),
                    ALLOWED.get(profile).isEmpty()
                        ? "no parameters"
                        : "only " + ALLOWED.get(profile).stream().sorted().toList(),
                    name));
      }
      if (params.get(name) < 0) {
        throw new IllegalArgumentException(
            "%s must not be negative, was %d".formatted(name, params.get(name)));
      }
    }
    boolean hasMin = params.containsKey("minDelayMs");
    if (hasMin != params.containsKey("maxDelayMs")) {
      throw new IllegalArgumentException("minDelayMs and maxDelayMs go together");
    }
    if (hasMin && params.containsKey("delayMs")) {
      throw new IllegalArgumentException("give either delayMs or minDelayMs/maxDelayMs, not both");
    }
    if (hasMin && params.get("minDelayMs") > params.get("maxDelayMs")) {
      throw new IllegalArgumentException(
          "minDelayMs %d is more than maxDelayMs %d"
              .formatted(params.get("minDelayMs"), params.get("maxDelayMs")));
    }
    if (params.getOrDefault("errorRate", 0L) > 100) {
      throw new IllegalArgumentException(
          "errorRate is a percentage 0..100, was " + params.get("errorRate"));
    }
    long status = params.getOrDefault("status", 500L);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400..599, was " + status);
    }
    long size = params.getOrDefault("sizeBytes", DEFAULT_SIZE_BYTES);
    if (size < 1 || size > MAX_SIZE_BYTES) {
      throw new IllegalArgumentException(
          "sizeBytes must be 1..%d, was %d".formatted(MAX_SIZE_BYTES, size));
    }
  }

  long param(String name, long defaultValue) {
    return params.getOrDefault(name, defaultValue);
  }

  /** The settings as the admin API shows them: {@code {"profile":"slow","delayMs":2000}}. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("profile", profile.key());
    params.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> json.put(e.getKey(), e.getValue()));
    return json;
  }
}
