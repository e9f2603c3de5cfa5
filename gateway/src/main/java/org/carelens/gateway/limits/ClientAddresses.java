package org.carelens.gateway.limits;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The client address a request is rate-limited and audited under.
 *
 * <p>It is the socket's remote address. {@code X-Forwarded-For} is believed only when that address
 * is one of {@code carelens.limits.trusted-proxies}: the client is then the right-most address in
 * the header that is not itself a trusted proxy (entries further left were written by the client
 * and prove nothing). An IPv6 client is keyed by its {@code /64}, the smallest block a subscriber
 * is normally given, so that one host cannot step around a limit by changing its interface id.
 *
 * <p>Thread-safe and immutable after construction.
 */
@Singleton
public class ClientAddresses {

  /** Only IP literals are parsed, so a header value never triggers a DNS lookup. */
  private static final Pattern IP_LITERAL =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

  private final Set<InetAddress> trustedProxies;

  public ClientAddresses(LimitsProperties properties) {
    Set<InetAddress> trusted = new HashSet<>();
    for (String proxy : properties.getTrustedProxies()) {
      trusted.add(
          literal(proxy)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "carelens.limits.trusted-proxies must list IP addresses, was '"
                              + proxy
                              + "'")));
    }
    this.trustedProxies = Set.copyOf(trusted);
  }

  /** The current request's client address, or {@code unknown} outside a request. */
  public String current() {
    return ServerRequestContext.currentRequest().map(this::of).orElse("unknown");
  }

  /** The client address of {@code request}. */
  public String of(HttpRequest<?> request) {
    return of(request.getRemoteAddress(), request.getHeaders().getAll("X-Forwarded-For"));
  }

  String of(InetSocketAddress remote, List<String> forwardedFor) {
    InetAddress peer = remote.getAddress();
    if (peer == null) {
      return remote.getHostString();
    }
    if (trustedProxies.contains(peer)) {
      InetAddress forwarded = forwardedClient(forwardedFor);
      if (forwarded != null) {
        return key(forwarded);
      }
    }
    return key(peer);
  }

  private @Nullable InetAddress forwardedClient(List<String> headers) {
    List<String> hops = new ArrayList<>();
    for (String header : headers) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = literal(hops.get(i));
      if (hop.isEmpty()) {
        // Not an address we can read: stop rather than believe anything to its left.
        return null;
      }
      if (!trustedProxies.contains(hop.get())) {
        return hop.get();
      }
    }
    return null;
  }

  static String key(InetAddress address) {
    if (address instanceof Inet6Address && !address.isLoopbackAddress()) {
      byte[] bytes = address.getAddress();
      byte[] prefix = new byte[16];
      System.arraycopy(bytes, 0, prefix, 0, 8);
      try {
        return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
      } catch (UnknownHostException e) {
        throw new IllegalStateException("16 bytes are always an IPv6 address", e);
      }
    }
    return address.getHostAddress();
  }

  static Optional<InetAddress> literal(String value) {
    String v =
        value.startsWith("[") && value.endsWith("]")
            ? value.substring(1, value.length() - 1)
            : value;
    if (!IP_LITERAL.matcher(v).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(v));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
