package org.carelens.gateway.audit;

import io.micronaut.http.context.ServerRequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a security entry records about the HTTP request itself when the caller is not identified:
 * method, path, client address and (shortened) user agent. Never headers carrying credentials.
 */
public final class RequestFacts {

  private RequestFacts() {}

  /** The current request's facts, or an empty map outside a request. */
  public static Map<String, @Nullable Object> current() {
    Map<String, @Nullable Object> facts = new LinkedHashMap<>();
    ServerRequestContext.currentRequest()
        .ifPresent(
            r -> {
              facts.put("method", r.getMethodName());
              facts.put("path", shorten(r.getPath(), 256));
              facts.put("clientAddress", r.getRemoteAddress().getHostString());
              String agent = r.getHeaders().get("User-Agent");
              facts.put("userAgent", agent == null ? null : shorten(agent, 200));
            });
    return facts;
  }

  static String shorten(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max) + "…";
  }
}
