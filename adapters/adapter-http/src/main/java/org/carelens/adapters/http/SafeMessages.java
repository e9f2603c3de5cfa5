package org.carelens.adapters.http;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small rules every adapter follows when it reports what a source answered, so that a detail never
 * carries patient data and a link never takes the NHS number or a credential elsewhere.
 */
public final class SafeMessages {

  private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");

  private SafeMessages() {}

  /**
   * What a parser said, without what it quoted: parser messages can quote the payload (and so the
   * patient), so only HAPI's message code, or the exception's class, is kept.
   */
  public static String parserProblem(RuntimeException e) {
    Matcher code = HAPI_CODE.matcher(String.valueOf(e.getMessage()));
    return code.find() ? code.group() : e.getClass().getSimpleName();
  }

  /** Whether {@code uri} is on the same server (scheme, host and port) as {@code base}. */
  public static boolean sameServer(URI uri, URI base) {
    return Objects.equals(uri.getScheme(), base.getScheme())
        && Objects.equals(uri.getHost(), base.getHost())
        && uri.getPort() == base.getPort();
  }

  /**
   * A link from a payload resolved against {@code base}: absolute as given, or relative to the base
   * (a leading slash is taken as relative to the base, as FHIR servers mean it).
   *
   * @throws IllegalArgumentException when the link is not a URI
   */
  public static URI resolve(URI base, String link) {
    URI uri = URI.create(link);
    return uri.isAbsolute() ? uri : URI.create(base + "/" + link.replaceFirst("^/", ""));
  }
}
