package org.carelens.portal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the portal from the command line.
 *
 * <pre>
 * java -cp ... -Dvaadin.productionMode=true org.carelens.portal.PortalMain \
 *     --port 8080 --gateway-url http://localhost:8081
 * </pre>
 */
public final class PortalMain {

  static final int DEFAULT_PORT = 8080;
  static final URI DEFAULT_GATEWAY = URI.create("http://localhost:8081");

  private PortalMain() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: PortalMain [--port 8080] [--gateway-url http://localhost:8081]"
              + " [--oidc-issuer http://localhost:8090]");
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    PortalServer portal =
        PortalServer.start(
            options.port(),
            options.gatewayUrl(),
            java.time.Clock.system(PortalServer.UK),
            new PortalServer.SignInSettings(
                options.oidcIssuer(), PortalServer.SignInSettings.DEFAULT_CLIENT_ID, null));
    Runtime.getRuntime().addShutdownHook(new Thread(portal::stop, "portal-shutdown"));
    System.out.printf(
        "Carelens portal serving at %s (gateway %s, sign-in with %s, started in %d ms)%n",
        portal.url(),
        options.gatewayUrl(),
        options.oidcIssuer(),
        (System.nanoTime() - started) / 1_000_000);
    portal.join();
  }

  /** Command-line options; both {@code --name value} and {@code --name=value} are accepted. */
  record Options(int port, URI gatewayUrl, URI oidcIssuer) {

    Options(int port, URI gatewayUrl) {
      this(port, gatewayUrl, PortalServer.SignInSettings.DEFAULT_ISSUER);
    }

    static Options parse(String[] args) {
      List<String> tokens = new ArrayList<>();
      for (String arg : args) {
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          tokens.add(arg.substring(0, eq));
          tokens.add(arg.substring(eq + 1));
        } else {
          tokens.add(arg);
        }
      }
      int port = DEFAULT_PORT;
      URI gateway = DEFAULT_GATEWAY;
      URI issuer = PortalServer.SignInSettings.DEFAULT_ISSUER;
      for (int i = 0; i < tokens.size(); i += 2) {
        String name = tokens.get(i);
        if (i + 1 >= tokens.size()) {
          throw new IllegalArgumentException("Option " + name + " needs a value");
        }
        String value = tokens.get(i + 1);
        switch (name) {
          case "--port" -> port = parsePort(value);
          case "--gateway-url" -> gateway = parseUrl(name, value);
          case "--oidc-issuer" -> issuer = parseUrl(name, value);
          default -> throw new IllegalArgumentException("Unknown option '" + name + "'");
        }
      }
      return new Options(port, gateway, issuer);
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("--port must be 0 to 65535, was " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, was '" + value + "'", e);
      }
    }

    private static URI parseUrl(String name, String value) {
      URI uri = URI.create(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException(name + " must be an http(s) URL, was '" + value + "'");
      }
      return uri;
    }
  }
}
