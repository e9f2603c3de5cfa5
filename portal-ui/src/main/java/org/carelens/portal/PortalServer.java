package org.carelens.portal;

import io.micronaut.context.ApplicationContext;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.internal.MicronautInstantiatorFactory;
import org.carelens.portal.internal.NoSessionFromPageTraffic;
import org.carelens.portal.internal.SecurityHeaders;
import org.carelens.portal.launch.LaunchServlet;
import org.carelens.portal.signin.OidcSignIn;
import org.carelens.portal.signin.SignInServlet;
import org.carelens.portal.signin.SignOutServlet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ClassMatcher;
import org.eclipse.jetty.util.resource.Resource;

/**
 * A running portal: Jetty serving the Vaadin UI, {@code POST /launch}, and sign-in ({@code /login},
 * {@code /login/callback}, {@code /logout}) for users who are not launched, plus the Micronaut
 * context that holds the gateway client. Start with {@link #start(int, URI)}; stop with {@link
 * #stop()}.
 */
public final class PortalServer implements AutoCloseable {

  /** UK clinical systems show local (Europe/London) times. */
  public static final ZoneId UK = org.carelens.portal.record.CuiFormat.UK;

  private final Server server;
  private final ApplicationContext context;

  private PortalServer(Server server, ApplicationContext context) {
    this.server = server;
    this.context = context;
  }

  /**
   * Starts the portal against a gateway, with the system clock in UK time.
   *
   * @param port the port to listen on; 0 picks a free one (see {@link #port()})
   * @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8081}
   */
  public static PortalServer start(int port, URI gatewayUrl) {
    return start(port, gatewayUrl, Clock.system(UK));
  }

  /** Starts the portal with an explicit clock (ages and session expiry are computed from it). */
  public static PortalServer start(int port, URI gatewayUrl, Clock clock) {
    return start(port, gatewayUrl, clock, SignInSettings.defaults());
  }

  /**
   * Where users who are not launched sign in (issue 11).
   *
   * @param issuer the OpenID provider's issuer (NHS CIS2; the simulated one in the demo)
   * @param clientId the portal's client id at the provider
   * @param publicUrl the portal's URL as browsers reach it; the redirect URI is this plus {@code
   *     /login/callback}. Null: {@code http://localhost:<port>}
   */
  public record SignInSettings(
      URI issuer, String clientId, @org.jspecify.annotations.Nullable URI publicUrl) {
    public static final URI DEFAULT_ISSUER = URI.create("http://localhost:8090");
    public static final String DEFAULT_CLIENT_ID = "carelens-portal";

    public SignInSettings {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(clientId, "clientId");
    }

    public static SignInSettings defaults() {
      return new SignInSettings(DEFAULT_ISSUER, DEFAULT_CLIENT_ID, null);
    }
  }

  /** Starts the portal with explicit sign-in settings. */
  public static PortalServer start(int port, URI gatewayUrl, Clock clock, SignInSettings signIn) {
    Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Port must be 0 to 65535, was " + port);
    }
    ApplicationContext context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .banner(false)
            .properties(Map.of(GatewayClient.URL_PROPERTY, gatewayUrl.toString()))
            .build();
    context.registerSingleton(Clock.class, clock);
    context.start();
    try {
      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setPort(port);
      server.addConnector(connector);
      server.setHandler(webApp(context, signInClient(signIn, connector)));
      server.start();
      return new PortalServer(server, context);
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException("Portal failed to start on port " + port, e);
    }
  }

  /** The sign-in client, made on first use, once the connector knows its port. */
  private static java.util.function.Supplier<OidcSignIn> signInClient(
      SignInSettings settings, ServerConnector connector) {
    java.util.concurrent.atomic.AtomicReference<OidcSignIn> made =
        new java.util.concurrent.atomic.AtomicReference<>();
    return () ->
        made.updateAndGet(
            existing -> {
              if (existing != null) {
                return existing;
              }
              String base =
                  settings.publicUrl() != null
                      ? settings.publicUrl().toString()
                      : "http://localhost:" + connector.getLocalPort();
              base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
              return new OidcSignIn(
                  settings.issuer(), settings.clientId(), URI.create(base + "/login/callback"));
            });
  }

  private static WebAppContext webApp(
      ApplicationContext micronaut, java.util.function.Supplier<OidcSignIn> signIn) {
    WebAppContext webApp = new WebAppContext();
    webApp.setContextPath("/");
    // Jetty's default hidden classes include server classes Vaadin's initializers need to see;
    // hiding nothing is right for an embedded server whose classpath is the application's.
    webApp.setHiddenClassMatcher(new ClassMatcher());
    webApp.setParentLoaderPriority(true);
    Resource base =
        webApp.getResourceFactory().newClassLoaderResource("META-INF/resources/", false);
    webApp.setBaseResource(base);
    // Scan jars and class folders so @Route views, Vaadin's initializers and our servlet are found.
    webApp.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, ".*\\.jar|.*/classes/.*");
    webApp.setConfigurationDiscovered(true);
    webApp.setThrowUnavailableOnStartupException(true);
    // No frontend can be built here (no Node), so the portal always runs the prebuilt bundle.
    webApp.setInitParameter("productionMode", "true");
    webApp.setAttribute(MicronautInstantiatorFactory.CONTEXT_ATTRIBUTE, micronaut);
    webApp
        .getServletHandler()
        .addServletWithMapping(
            new ServletHolder(new LaunchServlet(micronaut.getBean(GatewayClient.class))),
            "/launch");
    GatewayClient gateway = micronaut.getBean(GatewayClient.class);
    ServletHolder signInServlet = new ServletHolder(new SignInServlet(signIn, gateway));
    webApp.getServletHandler().addServletWithMapping(signInServlet, "/login");
    webApp.getServletHandler().addServletWithMapping(signInServlet, "/login/callback");
    webApp
        .getServletHandler()
        .addServletWithMapping(new ServletHolder(new SignOutServlet(gateway)), "/logout");
    // Server push (the record view's live source strip) runs over a websocket: Atmosphere needs a
    // Jakarta WebSocket container in this context, and Jetty only adds one when asked.
    JakartaWebSocketServletContainerInitializer.configure(webApp, null);
    webApp.addFilter(
        new FilterHolder(new SecurityHeaders()), "/*", EnumSet.of(DispatcherType.REQUEST));
    webApp.addFilter(
        new FilterHolder(new NoSessionFromPageTraffic()), "/*", EnumSet.of(DispatcherType.REQUEST));
    // Close a session after its idle timeout even while a tab is open: Vaadin's heartbeat (every
    // minute, so an ended session leaves the screen within a minute) does not count as use.
    webApp.setInitParameter("closeIdleSessions", "true");
    webApp.setInitParameter("heartbeatInterval", "60");
    webApp.getSessionHandler().setHttpOnly(true);
    // Secure cookies whenever the request came over TLS (behind a TLS-terminating proxy, configure
    // Jetty's ForwardedRequestCustomizer so the request knows it was secure).
    webApp.getSessionHandler().setSecureRequestOnly(true);
    // Lax still sends the cookie on the top-level redirect that follows the cross-site launch POST.
    webApp.getSessionHandler().setSameSite(HttpCookie.SameSite.LAX);
    return webApp;
  }

  /** The port the portal listens on. */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** The portal's root URL on this machine. */
  public URI url() {
    return URI.create("http://localhost:" + port() + "/");
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops the server and closes the gateway client. Safe to call twice. */
  public void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Portal failed to stop cleanly", e);
    } finally {
      if (context.isRunning()) {
        context.close();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
