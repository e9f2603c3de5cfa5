package org.carelens.bench.peer;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.Main;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The scatter-gather on Apache Camel, as an integration team would build it with Camel's own parts:
 *
 * <ul>
 *   <li>{@code platform-http} (Vert.x) takes {@code GET /api/v1/patients/{nhs}/record};
 *   <li>a <b>multicast with parallel processing, a timeout</b> (the gateway's per-source time
 *       limit) <b>and an aggregation strategy</b> sends the view to one route per source and
 *       gathers what came back in time; a source still out when the timeout fires is reported
 *       {@code TIMEOUT};
 *   <li>each source's route splits its calls (the hospital's seven searches, the care plan
 *       service's two, the council's three per-person reads after its people search) over the
 *       {@code http} component (Apache HttpClient 5) in parallel, and parses each answer;
 *   <li>the gathered results become the JSON view ({@link ViewAssembly}).
 * </ul>
 *
 * <p>Sizing, as an operator would set it for the bench's load rather than Camel's defaults (20
 * connections per host, 20 Vert.x worker threads, 1000 tasks per thread pool): Camel's thread pools
 * run one virtual thread per task ({@code camel.threads.virtual.enabled}), unbounded; the Vert.x
 * worker pool, where the {@code platform-http} consumer holds one thread for each view in flight,
 * has {@link PeerConfig#workerThreads()} threads; the HTTP client may open {@link
 * #CONNECTIONS_PER_SOURCE} connections to each source. Camel does not cancel a source's calls when
 * the multicast's timeout fires: they run on until they end (at most the time limit each).
 */
public final class CamelPeer implements Peer {

  /** Pooled connections per source: more than the bench's load ever has in flight. */
  static final int CONNECTIONS_PER_SOURCE = 1000;

  private static final String NHS = "carelens.nhs";
  private static final String STARTED = "carelens.started";
  private static final String FIRST = "carelens.first";

  private final Main main;
  private final Vertx vertx;
  private final PeerConfig config;

  private CamelPeer(Main main, Vertx vertx, PeerConfig config) {
    this.main = main;
    this.vertx = vertx;
    this.config = config;
  }

  /** Starts Camel and its HTTP server on {@code config.port()}. */
  public static CamelPeer start(PeerConfig config) throws Exception {
    // Before any Camel class reads it: every pool Camel creates runs on virtual threads.
    System.setProperty("camel.threads.virtual.enabled", "true");
    Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(config.workerThreads()));
    Main main = new Main();
    main.bind("vertx", vertx);
    main.configure().withVirtualThreadsEnabled(true);
    // Calls to a hung source end within the time limit; shutting down need not wait longer.
    main.configure().withShutdownTimeout((int) Math.max(1, config.timeLimit().toSeconds() + 1));
    main.configure().addConfiguration(new Setup(config));
    main.configure().addRoutesBuilder(new ScatterGather(config));
    try {
      main.start();
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
    return new CamelPeer(main, vertx, config);
  }

  @Override
  public String baseUrl() {
    return "http://localhost:" + config.port();
  }

  @Override
  public void close() {
    try {
      main.stop();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** The HTTP server and the HTTP client's pool and time-outs. */
  private record Setup(PeerConfig config) implements CamelConfiguration {
    @Override
    public void configure(CamelContext context) throws Exception {
      VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
      server.setBindHost("127.0.0.1");
      server.setBindPort(config.port());
      server.setPort(config.port());
      context.addService(new VertxPlatformHttpServer(server));
      // One virtual thread per task, unbounded. The default profile bounds each EIP's pool at 1000
      // tasks and makes the caller wait up to 60 s for a slot; calls still out after the timeout
      // keep their slots, so after an overload views stalled for a minute.
      context.getExecutorServiceManager().getDefaultThreadPoolProfile().setMaxQueueSize(-1);
      HttpComponent http = context.getComponent("http", HttpComponent.class);
      http.setConnectionsPerRoute(CONNECTIONS_PER_SOURCE);
      http.setMaxTotalConnections(CONNECTIONS_PER_SOURCE * PeerSource.values().length);
      http.setConnectTimeout(1000);
      http.setConnectionRequestTimeout(config.timeLimit().toMillis());
      http.setResponseTimeout(config.timeLimit().toMillis());
    }
  }

  /** The routes. */
  private static final class ScatterGather extends RouteBuilder {

    private final PeerConfig config;

    ScatterGather(PeerConfig config) {
      this.config = config;
    }

    @Override
    public void configure() {
      from("platform-http:/health").routeId("health").setBody(constant("UP"));
      from("platform-http:/heap")
          .routeId("heap")
          .process(e -> e.getMessage().setBody(String.valueOf(Peer.heapUsedBytes())));

      from("platform-http:/api/v1/patients/{nhs}/record?httpMethodRestrict=GET")
          .routeId("view")
          .process(ScatterGather::begin)
          .multicast(new CollectResults())
          .parallelProcessing()
          .timeout(config.timeLimit().toMillis())
          .to(
              Arrays.stream(PeerSource.values())
                  .map(s -> "direct:" + s.id())
                  .toArray(String[]::new))
          .end()
          .process(this::respond);

      for (PeerSource source : PeerSource.values()) {
        String call = "direct:call-" + source.id();
        from("direct:" + source.id())
            .routeId(source.id())
            .process(
                e -> {
                  e.setProperty(STARTED, System.nanoTime());
                  e.getMessage().setBody(source.first(nhs(e)));
                })
            .split(body(), new CollectAnswers())
            .parallelProcessing()
            .to(call)
            .end()
            .process(
                e -> {
                  List<Answer> first = answers(e);
                  e.setProperty(FIRST, first);
                  e.getMessage().setBody(source.then(nhs(e), first));
                })
            .split(body(), new CollectAnswers())
            .parallelProcessing()
            .to(call)
            .end()
            .process(
                e -> {
                  @SuppressWarnings("unchecked")
                  List<Answer> all = new ArrayList<>(e.getProperty(FIRST, List.class));
                  all.addAll(answers(e));
                  long started = e.getProperty(STARTED, Long.class);
                  e.getMessage()
                      .setBody(ViewAssembly.result(source, all, System.nanoTime() - started));
                });

        from(call)
            .routeId("call-" + source.id())
            .process(ScatterGather::request)
            .doTry()
            .to(config.sources().get(source) + "?throwExceptionOnFailure=false")
            .process(
                e ->
                    e.getMessage()
                        .setBody(
                            Answer.of(
                                e.getMessage()
                                    .getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class),
                                bytes(e.getMessage()),
                                source.displayName())))
            .doCatch(Exception.class)
            .process(e -> e.getMessage().setBody(failure(source, e)))
            .end();
      }
    }

    /** Keeps the NHS number; no request header of the view reaches a source. */
    private static void begin(Exchange e) {
      Message m = e.getMessage();
      String nhs = m.getHeader("nhs", "", String.class);
      m.removeHeaders("*");
      if (!NHS_NUMBER.matcher(nhs).matches()) {
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
        m.setBody("not an NHS number");
        e.setRouteStop(true);
        return;
      }
      e.setProperty(NHS, nhs);
      m.setBody(null);
    }

    private void respond(Exchange e) {
      List<ViewAssembly.SourceResult> results = CollectResults.results(e);
      byte[] view = ViewAssembly.view(nhs(e), results, config.timeLimit());
      Message m = e.getMessage();
      m.removeHeaders("*");
      m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
      m.setHeader(Exchange.CONTENT_TYPE, "application/json");
      m.setBody(view);
    }

    /** One call's method, path, query, headers and body, and nothing else. */
    private static void request(Exchange e) {
      Message m = e.getMessage();
      PeerSource.Call call = m.getBody(PeerSource.Call.class);
      m.removeHeaders("*");
      m.setHeader(Exchange.HTTP_METHOD, call.method());
      m.setHeader(Exchange.HTTP_PATH, call.path());
      if (call.query() != null) {
        m.setHeader(Exchange.HTTP_QUERY, call.query());
      }
      m.setHeader("Accept", call.accept());
      if (call.body() != null) {
        m.setHeader(Exchange.CONTENT_TYPE, call.contentType());
      }
      m.setBody(call.body());
    }

    private static byte[] bytes(Message m) {
      byte[] body = m.getBody(byte[].class);
      return body == null ? new byte[0] : body;
    }

    private static Answer failure(PeerSource source, Exchange e) {
      Exception cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
      if (cause instanceof SocketTimeoutException || cause instanceof ConnectTimeoutException) {
        return Answer.timedOut("no answer within the time limit");
      }
      return Answer.failed(
          (cause == null ? "an unknown failure" : cause.getClass().getSimpleName())
              + " calling "
              + source.displayName());
    }

    private static String nhs(Exchange e) {
      return e.getProperty(NHS, String.class);
    }

    private static List<Answer> answers(Exchange e) {
      List<Answer> answers = new ArrayList<>();
      if (e.getMessage().getBody() instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Answer a) {
            answers.add(a);
          }
        }
      }
      return answers;
    }
  }

  /** A split's answers, in the order they came, as the aggregated body. */
  private static final class CollectAnswers implements AggregationStrategy {
    @Override
    public Exchange aggregate(@Nullable Exchange oldExchange, Exchange newExchange) {
      Answer answer = newExchange.getMessage().getBody(Answer.class);
      if (oldExchange == null) {
        List<Answer> answers = new ArrayList<>();
        answers.add(answer);
        newExchange.getMessage().setBody(answers);
        return newExchange;
      }
      @SuppressWarnings("unchecked")
      List<Answer> answers = oldExchange.getMessage().getBody(List.class);
      answers.add(answer);
      return oldExchange;
    }
  }

  /**
   * The multicast's results as they come; when the timeout fires, what came so far (the view marks
   * the rest {@code TIMEOUT}).
   */
  private static final class CollectResults implements AggregationStrategy {
    @Override
    public Exchange aggregate(@Nullable Exchange oldExchange, Exchange newExchange) {
      ViewAssembly.SourceResult result =
          newExchange.getMessage().getBody(ViewAssembly.SourceResult.class);
      if (oldExchange == null) {
        List<ViewAssembly.SourceResult> results = Collections.synchronizedList(new ArrayList<>());
        results.add(result);
        newExchange.getMessage().setBody(results);
        return newExchange;
      }
      @SuppressWarnings("unchecked")
      List<ViewAssembly.SourceResult> results = oldExchange.getMessage().getBody(List.class);
      results.add(result);
      return oldExchange;
    }

    @Override
    public void timeout(Exchange oldExchange, int index, int total, long timeout) {
      // What has come stays; the view reports the sources still out as TIMEOUT.
    }

    static List<ViewAssembly.SourceResult> results(Exchange e) {
      if (!(e.getMessage().getBody() instanceof List<?> list)) {
        return List.of();
      }
      List<ViewAssembly.SourceResult> results = new ArrayList<>();
      synchronized (list) {
        for (Object o : list) {
          if (o instanceof ViewAssembly.SourceResult r) {
            results.add(r);
          }
        }
      }
      return results;
    }
  }
}
