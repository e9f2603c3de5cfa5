package org.carelens.gateway.record;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A source's failure detail as a viewer may read it: addresses, host names and ports removed (issue
 * 10: transport details such as internal host names go to logs and the audit trail, never to
 * viewers). What went wrong stays: "could not connect to the source's address within PT1S".
 */
final class ViewerDetail {

  static final String ADDRESS = "the source's address";

  private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s,;)]+");
  private static final Pattern IP =
      Pattern.compile(
          "\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b|\\[[0-9a-fA-F:]+\\](?::\\d{1,5})?");
  private static final Pattern HOST_PORT =
      Pattern.compile("(?i)\\b(?=[a-z0-9.-]*[a-z])[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?:\\d{1,5}\\b");
  private static final Pattern UNKNOWN_HOST = Pattern.compile("(?i)\\b(unknown host)\\s+\\S+");

  private ViewerDetail() {}

  /** The detail without addresses; null stays null. */
  static @Nullable String of(@Nullable String detail) {
    if (detail == null) {
      return null;
    }
    String redacted = URL.matcher(detail).replaceAll(ADDRESS);
    redacted = UNKNOWN_HOST.matcher(redacted).replaceAll("$1 (see the gateway log)");
    redacted = IP.matcher(redacted).replaceAll(ADDRESS);
    return HOST_PORT.matcher(redacted).replaceAll(ADDRESS);
  }
}
