package org.carelens.portal.gateway;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Carelens gateway's HTTP API. Thread-safe; one instance per portal process.
 *
 * <p>Every failure surfaces as a {@link GatewayException} with the gateway's status, problem code
 * and detail, so the UI can say exactly what went wrong. Tokens are never logged.
 */
@Singleton
public class GatewayClient implements AutoCloseable {

  /** The configuration key for the gateway's base URL, e.g. {@code http://localhost:8081}. */
  public static final String URL_PROPERTY = "carelens.gateway.url";

  // The gateway answers within its own overall deadline (carelens.fanout.deadline: 4 s as
  // shipped, 5 s if unset) plus its audit write; 10 s leaves room for the
  // network without letting a hung gateway hold a clinician's page for ever.
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(GatewayClient.class);
  private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
  // A source id, a slash, then one percent-encoded document id: no further slashes, dots or
  // queries.
  private static final Pattern DISSENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Pattern DOCUMENT_TAIL =
      Pattern.compile("[A-Za-z0-9_-]+/(?:[A-Za-z0-9_.~-]|%[0-9A-Fa-f]{2})+");
  private static final String PROBLEM_JSON = "application/problem+json";

  /** The record stream's connection broke before its {@code complete} event. */
  public static final String STREAM_BROKEN = "RECORD_STREAM_BROKEN";

  /** The gateway ended the record stream without its {@code complete} event. */
  public static final String STREAM_INCOMPLETE = "RECORD_STREAM_INCOMPLETE";

  private final HttpClient http;
  // The record stream uses the JDK client: a blocking line reader on a virtual thread is the
  // plainest way to hand each event to the UI as it arrives, and closing its body cancels the call.
  private final java.net.http.HttpClient streamHttp;
  private final ScheduledExecutorService streamDeadlines;
  private final JsonMapper json;
  private final URI baseUrl;
  private final String pathPrefix;

  public GatewayClient(@Property(name = URL_PROPERTY) URI baseUrl, JsonMapper json) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.json = Objects.requireNonNull(json, "json");
    if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "Gateway URL must be absolute, like http://localhost:8081, was '%s'".formatted(baseUrl));
    }
    // A Micronaut client created at a URL with a path drops that path for absolute request paths,
    // so the client is created at the root and the path is prefixed to every request here.
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
    config.setReadTimeout(READ_TIMEOUT);
    config.setConnectTimeout(CONNECT_TIMEOUT);
    config.setFollowRedirects(false);
    // Netty's default quiet period would hold the process for two seconds at every stop.
    config.setShutdownTimeout(Duration.ofMillis(200));
    config.setExceptionOnErrorStatus(false);
    try {
      this.http = HttpClient.create(baseUrl.resolve("/").toURL(), config);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Gateway URL '%s' is not a URL".formatted(baseUrl), e);
    }
    this.streamHttp =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    this.streamDeadlines =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("record-stream-deadline").factory());
  }

  /** The gateway this client talks to. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Exchanges a launch token from the clinical system for a gateway session ({@code POST
   * /api/v1/sessions}).
   *
   * @throws GatewayException when the gateway refuses the token (401, e.g. {@code INVALID_TOKEN})
   *     or cannot be reached
   */
  public SessionGrant exchangeLaunchToken(String launchJwt) {
    requireToken(launchJwt, "launch token");
    HttpRequest<?> request =
        HttpRequest.POST(pathPrefix + "/api/v1/sessions", new byte[0])
            .bearerAuth(launchJwt)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(SessionGrant.class), "exchange launch token");
  }

  /**
   * Exchanges the ID token of a user who signed in (NHS CIS2) for a gateway session bound to no
   * patient ({@code POST /api/v1/sessions}, the same endpoint as a launch).
   *
   * @throws GatewayException when the gateway refuses the token (401, e.g. {@code
   *     NATIONAL_ROLE_NOT_MAPPED}) or cannot be reached
   */
  public SessionGrant exchangeIdToken(String idToken) {
    requireToken(idToken, "ID token");
    HttpRequest<?> request =
        HttpRequest.POST(pathPrefix + "/api/v1/sessions", new byte[0])
            .bearerAuth(idToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(SessionGrant.class), "exchange ID token");
  }

  /**
   * Ends the gateway session at once ({@code DELETE /api/v1/sessions/current}), for sign-out.
   *
   * @throws GatewayException when the gateway cannot be reached or refuses (401: already ended)
   */
  public void endSession(String accessToken) {
    requireToken(accessToken, "access token");
    HttpRequest<?> request =
        HttpRequest.DELETE(pathPrefix + "/api/v1/sessions/current")
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    HttpResponse<?> response = exchange(request, "end session");
    if (response.code() >= 300) {
      throw refusal(
          response.code(), response.getBody(byte[].class).orElse(new byte[0]), "end session");
    }
  }

  /**
   * Searches the spine ({@code GET /api/v1/patients?nhsNumber=} or {@code ?family=&given=
   * &birthdate=&gender=&postcode=}); the gateway audits every search.
   *
   * @param criteria query parameter to value; blank values are left out
   * @throws GatewayException e.g. 400 {@code INVALID_NHS_NUMBER}, 422 {@code TOO_MANY_MATCHES}, 502
   *     {@code SPINE_UNAVAILABLE}
   */
  public PatientSearchResult searchPatients(String accessToken, Map<String, String> criteria) {
    requireToken(accessToken, "access token");
    StringBuilder query = new StringBuilder();
    criteria.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            query
                .append(query.isEmpty() ? "?" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .append('=')
                .append(
                    java.net.URLEncoder.encode(
                        value.strip(), java.nio.charset.StandardCharsets.UTF_8));
          }
        });
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/patients" + query)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(PatientSearchResult.class), "search patients");
  }

  /**
   * Reads one patient's merged record ({@code GET /api/v1/patients/{nhsNumber}/record}).
   *
   * @param nhsNumber ten digits, no spaces
   * @throws GatewayException when the gateway refuses (400 bad number, 401 expired session, 403
   *     patient not in session) or cannot be reached
   */
  public RecordView record(String accessToken, String nhsNumber) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/patients/" + nhsNumber + "/record")
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(RecordView.class), "read record");
  }

  /**
   * Streams one patient's record ({@code GET /api/v1/patients/{nhsNumber}/record/stream},
   * Server-Sent Events): the listener hears each source as it completes, then the whole merged
   * view, or a failure. Returns at once; the stream is read on its own virtual thread. A stream
   * that has not completed within {@link #READ_TIMEOUT} is cut off and reported as timed out, as
   * the plain record call would be.
   *
   * @param nhsNumber ten digits, no spaces
   */
  public RecordStream streamRecord(
      String accessToken, String nhsNumber, RecordStreamListener listener) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    Objects.requireNonNull(listener, "listener");
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                baseUrl.resolve(pathPrefix + "/api/v1/patients/" + nhsNumber + "/record/stream"))
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "text/event-stream, " + PROBLEM_JSON)
            // Until the response headers arrive; the whole stream has its own deadline below.
            .timeout(READ_TIMEOUT)
            .GET()
            .build();
    RecordStream stream = new RecordStream();
    Thread reader =
        Thread.ofVirtual()
            .name("record-stream-" + nhsNumber.substring(7))
            .unstarted(() -> readStream(request, stream, listener));
    stream.readingOn(reader);
    var deadline =
        streamDeadlines.schedule(
            () -> {
              if (stream.finish()) {
                LOG.warn("Gateway record stream did not complete within {}", READ_TIMEOUT);
                stream.cancelAfterFinish();
                // Not on this shared timer thread: the listener may block (e.g. to read again).
                GatewayException timedOut =
                    new GatewayException(
                        504,
                        GatewayException.TIMED_OUT,
                        "The Carelens gateway did not send the whole record within %d seconds."
                            .formatted(READ_TIMEOUT.toSeconds()));
                Thread.ofVirtual()
                    .name("record-stream-timeout")
                    .start(() -> notify(listener, timedOut));
              }
            },
            READ_TIMEOUT.toMillis(),
            TimeUnit.MILLISECONDS);
    stream.onEnd(() -> deadline.cancel(false));
    reader.start();
    return stream;
  }

  private void readStream(
      java.net.http.HttpRequest request, RecordStream stream, RecordStreamListener listener) {
    try {
      java.net.http.HttpResponse<InputStream> response =
          streamHttp.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
      stream.opened(response.body());
      int status = response.statusCode();
      if (status != 200) {
        byte[] body;
        try (InputStream in = response.body()) {
          body = in.readAllBytes();
        }
        GatewayException refusal = refusal(status, body, "stream record");
        if (stream.finish()) {
          notify(listener, refusal);
        }
        return;
      }
      readEvents(response.body(), stream, listener);
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (stream.finish()) {
        LOG.warn("Gateway record stream from {} failed: {}", baseUrl, e.toString());
        notify(
            listener,
            new GatewayException(
                503,
                STREAM_BROKEN,
                "The connection to the Carelens gateway at %s broke before the whole record arrived."
                    .formatted(baseUrl),
                e));
      }
    } finally {
      stream.ended();
    }
  }

  private void readEvents(InputStream body, RecordStream stream, RecordStreamListener listener)
      throws IOException {
    ServerSentEvents events = new ServerSentEvents();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        Optional<ServerSentEvents.Message> message = events.line(line);
        if (message.isEmpty() || stream.isFinished()) {
          continue;
        }
        switch (message.get().name()) {
          case "source" -> {
            SourceEvent event = decodeEvent(message.get(), SourceEvent.class);
            if (!stream.isFinished()) {
              try {
                listener.source(event);
              } catch (RuntimeException e) {
                LOG.error("Record stream listener failed on a source event", e);
              }
            }
          }
          case "complete" -> {
            RecordView record = decodeEvent(message.get(), RecordView.class);
            if (stream.finish()) {
              try {
                listener.complete(record);
              } catch (RuntimeException e) {
                LOG.error("Record stream listener failed on the complete event", e);
              }
            }
            return;
          }
          default -> LOG.debug("Ignoring record stream event '{}'", message.get().name());
        }
      }
    } catch (GatewayException e) {
      if (stream.finish()) {
        notify(listener, e);
      }
      return;
    }
    if (stream.finish()) {
      LOG.warn("Gateway record stream ended before the complete event");
      notify(
          listener,
          new GatewayException(
              502,
              STREAM_INCOMPLETE,
              "The Carelens gateway ended the record stream before sending the whole record."));
    }
  }

  private <T> T decodeEvent(ServerSentEvents.Message message, Class<T> type) {
    return decode(
        message.data().getBytes(StandardCharsets.UTF_8),
        Argument.of(type),
        200,
        "stream record (" + message.name() + " event)");
  }

  private static void notify(RecordStreamListener listener, GatewayException failure) {
    try {
      listener.failed(failure);
    } catch (RuntimeException e) {
      LOG.error("Record stream listener failed while handling a failure", e);
    }
  }

  /**
   * Fetches one document's content through the gateway ({@code GET
   * /api/v1/patients/{nhsNumber}/documents/{sourceId}/{documentId}}), which audits the access.
   *
   * @param contentUrl the document's {@code contentUrl} from the record view; it must be a path
   *     under this patient's documents, so a record can never steer the portal elsewhere
   * @throws GatewayException when the gateway or the source refuses or fails
   */
  public DocumentContent document(String accessToken, String nhsNumber, String contentUrl) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    String prefix = "/api/v1/patients/" + nhsNumber + "/documents/";
    if (!contentUrl.startsWith(prefix)
        || !DOCUMENT_TAIL.matcher(contentUrl.substring(prefix.length())).matches()) {
      throw new IllegalArgumentException(
          "Document URL must be %s{source}/{document}, was '%s'".formatted(prefix, contentUrl));
    }
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + contentUrl).bearerAuth(accessToken).accept(MediaType.ALL_TYPE);
    HttpResponse<?> response = exchange(request, "read document");
    int status = response.code();
    byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
    if (status >= 200 && status < 300) {
      String type =
          response.getContentType().map(MediaType::toString).orElse("application/octet-stream");
      return new DocumentContent(type, body);
    }
    throw refusal(status, body, "read document");
  }

  /**
   * Searches the audit trail, newest first ({@code GET /api/v1/audit}; IG officer sessions only).
   *
   * @throws GatewayException 403 {@code ROLE_NOT_PERMITTED} for any other role, 400 for bad
   *     criteria
   */
  public List<AuditEntry> auditSearch(String accessToken, AuditCriteria criteria) {
    requireToken(accessToken, "access token");
    StringBuilder uri = new StringBuilder(pathPrefix).append("/api/v1/audit");
    char separator = '?';
    for (Map.Entry<String, String> p : criteria.parameters().entrySet()) {
      uri.append(separator)
          .append(p.getKey())
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    HttpRequest<?> request =
        HttpRequest.GET(uri.toString())
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.listOf(AuditEntry.class), "search audit");
  }

  /** Recomputes the audit hash chain ({@code GET /api/v1/audit/verify}; IG officers only). */
  public ChainVerification verifyAuditChain(String accessToken) {
    requireToken(accessToken, "access token");
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/audit/verify")
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(ChainVerification.class), "verify audit chain");
  }

  /**
   * Who viewed a patient's record ({@code GET /api/v1/audit/access-report}; IG officers only).
   *
   * @param nhsNumber ten digits, no spaces
   */
  public AccessReport accessReport(String accessToken, String nhsNumber) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/audit/access-report?patient=" + nhsNumber)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(AccessReport.class), "read access report");
  }

  /**
   * What a viewer in a role and organisation type would see under the agreement in force or a draft
   * ({@code GET /api/v1/policy/preview}; IG officers only). The gateway audits each preview.
   *
   * @param agreement blank for the agreement in force, else a draft's name
   * @param dissent {@code none}, {@code whole} or a source id
   * @throws GatewayException 400 {@code INVALID_PREVIEW} naming what was wrong (e.g. the
   *     agreement's organisation types), 403 for any other role
   */
  public PolicyPreview policyPreview(
      String accessToken,
      String role,
      String organisationType,
      String agreement,
      String dissent,
      boolean permission,
      boolean breakGlass) {
    requireToken(accessToken, "access token");
    StringBuilder uri = new StringBuilder(pathPrefix).append("/api/v1/policy/preview");
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    parameters.put("role", role);
    parameters.put("organisationType", organisationType);
    if (!agreement.isBlank()) {
      parameters.put("agreement", agreement);
    }
    parameters.put("dissent", dissent.isBlank() ? "none" : dissent);
    parameters.put("permission", Boolean.toString(permission));
    parameters.put("breakGlass", Boolean.toString(breakGlass));
    char separator = '?';
    for (Map.Entry<String, String> p : parameters.entrySet()) {
      uri.append(separator)
          .append(p.getKey())
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    HttpRequest<?> request =
        HttpRequest.GET(uri.toString())
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(PolicyPreview.class), "preview policy");
  }

  /**
   * The sources the gateway is configured to ask, in the order views report them ({@code GET
   * /api/v1/sources}), so a loading record can list every source it is waiting for.
   */
  public List<ConfiguredSource> configuredSources(String accessToken) {
    requireToken(accessToken, "access token");
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/sources")
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.listOf(ConfiguredSource.class), "list sources");
  }

  /**
   * Records that the patient, present, gave permission to view their shared record ({@code POST
   * /api/v1/patients/{nhsNumber}/consent/permission-to-view}), for the agreement's longest
   * duration. Only for the launched patient, by the roles the agreement allows.
   */
  public void recordPermissionToView(String accessToken, String nhsNumber) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    HttpRequest<?> request =
        HttpRequest.POST(
                pathPrefix + "/api/v1/patients/" + nhsNumber + "/consent/permission-to-view",
                "{}".getBytes(StandardCharsets.UTF_8))
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    send(request, Argument.of(Map.class), "record permission to view");
  }

  /** The break-glass reasons and duration under the agreement in force. */
  public BreakGlassOptions breakGlassOptions(String accessToken, String nhsNumber) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/patients/" + nhsNumber + "/break-glass")
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(BreakGlassOptions.class), "read break-glass options");
  }

  /**
   * Declares break-glass access ({@code POST /api/v1/patients/{nhsNumber}/break-glass}).
   *
   * @param reason one of {@link BreakGlassOptions#reasons()}
   * @param detail the user's own words, mandatory
   */
  public BreakGlassDeclared declareBreakGlass(
      String accessToken, String nhsNumber, String reason, String detail) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    HttpRequest<?> request =
        HttpRequest.POST(
                pathPrefix + "/api/v1/patients/" + nhsNumber + "/break-glass",
                json(Map.of("reason", reason, "detail", detail)))
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(BreakGlassDeclared.class), "declare break-glass");
  }

  /**
   * The break-glass review queue, newest first ({@code GET /api/v1/audit/break-glass}; IG officers
   * only). The gateway audits every read of it.
   */
  public List<BreakGlassReviewItem> breakGlassQueue(String accessToken, ReviewQueueFilter filter) {
    return reviewQueue(
        accessToken, "break-glass", filter, BreakGlassReviewItem.class, "read break-glass queue");
  }

  /**
   * Acknowledges a break-glass after review ({@code POST
   * /api/v1/audit/break-glass/{sequence}/acknowledge}; IG officers only). The gateway appends an
   * audit entry of its own; the declaration is never changed.
   *
   * @param note what the review found, mandatory
   * @throws GatewayException 404 {@code BREAK_GLASS_NOT_FOUND}, 409 {@code
   *     BREAK_GLASS_ALREADY_ACKNOWLEDGED}, 400 for a missing note
   */
  public BreakGlassReviewItem acknowledgeBreakGlass(
      String accessToken, long sequence, String note) {
    return acknowledgeOnQueue(
        accessToken,
        "break-glass",
        sequence,
        note,
        BreakGlassReviewItem.class,
        "acknowledge break-glass");
  }

  /**
   * The self-claimed relationship review queue, newest first ({@code GET
   * /api/v1/audit/relationship-claims}; IG officers only). The gateway audits every read of it.
   */
  public List<RelationshipClaimReviewItem> relationshipClaimQueue(
      String accessToken, ReviewQueueFilter filter) {
    return reviewQueue(
        accessToken,
        "relationship-claims",
        filter,
        RelationshipClaimReviewItem.class,
        "read relationship claim queue");
  }

  /**
   * Acknowledges a self-claimed relationship after review ({@code POST
   * /api/v1/audit/relationship-claims/{sequence}/acknowledge}; IG officers only). The gateway
   * appends an audit entry of its own; the claim is never changed.
   *
   * @param note what the review found, mandatory
   * @throws GatewayException 404 {@code RELATIONSHIP_CLAIM_NOT_FOUND}, 409 {@code
   *     RELATIONSHIP_CLAIM_ALREADY_ACKNOWLEDGED}, 400 for a missing note
   */
  public RelationshipClaimReviewItem acknowledgeRelationshipClaim(
      String accessToken, long sequence, String note) {
    return acknowledgeOnQueue(
        accessToken,
        "relationship-claims",
        sequence,
        note,
        RelationshipClaimReviewItem.class,
        "acknowledge relationship claim");
  }

  // The review queues share one shape: GET /api/v1/audit/<queue>?status= and
  // POST /api/v1/audit/<queue>/<sequence>/acknowledge with {"note"}.
  private <T extends ReviewItem> List<T> reviewQueue(
      String accessToken, String queue, ReviewQueueFilter filter, Class<T> type, String action) {
    requireToken(accessToken, "access token");
    Objects.requireNonNull(filter, "filter");
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/audit/" + queue + "?status=" + filter.parameter())
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.listOf(type), action);
  }

  private <T extends ReviewItem> T acknowledgeOnQueue(
      String accessToken, String queue, long sequence, String note, Class<T> type, String action) {
    requireToken(accessToken, "access token");
    Objects.requireNonNull(note, "note");
    if (sequence < 0) {
      throw new IllegalArgumentException(
          "Audit sequence must not be negative, was %d".formatted(sequence));
    }
    HttpRequest<?> request =
        HttpRequest.POST(
                pathPrefix + "/api/v1/audit/" + queue + "/" + sequence + "/acknowledge",
                json(Map.of("note", note)))
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(type), action);
  }

  /**
   * The coded reasons a self-claim must choose from, and whether this session's role may claim
   * ({@code GET /api/v1/patients/{nhsNumber}/relationship}).
   */
  public ClaimOptions claimOptions(String accessToken, String nhsNumber) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/patients/" + nhsNumber + "/relationship")
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(ClaimOptions.class), "read self-claim options");
  }

  /**
   * Claims a legitimate relationship with a patient other than the launched one ({@code POST
   * /api/v1/patients/{nhsNumber}/relationship}; only the roles the agreement allows, by default
   * clinicians). The session may then view that patient; every such view is flagged for IG review.
   *
   * @param nhsNumber ten digits, no spaces; the gateway checks the check digit (400 {@code
   *     INVALID_NHS_NUMBER})
   * @param reasonCode one of {@link ClaimOptions#reasons()}' codes
   * @param reason why this user is caring for the patient in their own words, mandatory
   */
  public ClaimedRelationship claimRelationship(
      String accessToken, String nhsNumber, String reasonCode, String reason) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(reason, "reason");
    HttpRequest<?> request =
        HttpRequest.POST(
                pathPrefix + "/api/v1/patients/" + nhsNumber + "/relationship",
                json(Map.of("reasonCode", reasonCode, "reason", reason)))
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(ClaimedRelationship.class), "claim relationship");
  }

  /** The dissent register, oldest first, for one patient ({@code GET /api/v1/dissent}). */
  public List<DissentEntry> dissents(String accessToken, String nhsNumber) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/dissent?patient=" + nhsNumber)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.listOf(DissentEntry.class), "read dissent register");
  }

  /**
   * Registers a patient's dissent ({@code POST /api/v1/dissent}).
   *
   * @param sourceId the source, or empty for the whole record
   */
  public DissentEntry registerDissent(
      String accessToken, String nhsNumber, Optional<String> sourceId, String reason) {
    requireToken(accessToken, "access token");
    requireNhsNumber(nhsNumber);
    Map<String, @Nullable Object> body = new java.util.LinkedHashMap<>();
    body.put("nhsNumber", nhsNumber);
    body.put("sourceId", sourceId.orElse(null));
    body.put("reason", reason);
    HttpRequest<?> request =
        HttpRequest.POST(pathPrefix + "/api/v1/dissent", json(body))
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(DissentEntry.class), "register dissent");
  }

  /** Lifts a dissent, keeping it in the register ({@code POST /api/v1/dissent/{id}/revoke}). */
  public DissentEntry revokeDissent(String accessToken, String dissentId, String reason) {
    requireToken(accessToken, "access token");
    if (!DISSENT_ID.matcher(dissentId).matches()) {
      throw new IllegalArgumentException("Dissent id '%s' is not an id".formatted(dissentId));
    }
    HttpRequest<?> request =
        HttpRequest.POST(
                pathPrefix + "/api/v1/dissent/" + dissentId + "/revoke",
                json(Map.of("reason", reason)))
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, Argument.of(DissentEntry.class), "revoke dissent");
  }

  private byte[] json(Map<String, ? extends @Nullable Object> body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("Could not write a request body", e);
    }
  }

  private <T> T send(HttpRequest<?> request, Argument<T> type, String action) {
    HttpResponse<?> response = exchange(request, action);
    byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
    int status = response.code();
    if (status >= 200 && status < 300) {
      return decode(body, type, status, action);
    }
    throw refusal(status, body, action);
  }

  private GatewayException refusal(int status, byte[] body, String action) {
    Problem problem = decodeProblem(body);
    String code = problem.code() != null ? problem.code() : "HTTP_" + status;
    String detail = firstNonBlank(problem.detail(), problem.title(), "HTTP status " + status);
    LOG.info("Gateway refused '{}': {} {}", action, status, code);
    return new GatewayException(status, code, detail);
  }

  private HttpResponse<?> exchange(HttpRequest<?> request, String action) {
    try {
      return http.toBlocking().exchange(request, Argument.of(byte[].class));
    } catch (HttpClientResponseException e) {
      return e.getResponse();
    } catch (ReadTimeoutException e) {
      LOG.warn("Gateway did not answer '{}' within {}", action, READ_TIMEOUT);
      throw new GatewayException(
          504,
          GatewayException.TIMED_OUT,
          "The Carelens gateway did not answer within %d seconds."
              .formatted(READ_TIMEOUT.toSeconds()),
          e);
    } catch (HttpClientException e) {
      LOG.warn("Gateway at {} unreachable for '{}': {}", baseUrl, action, e.toString());
      throw new GatewayException(
          503,
          GatewayException.UNREACHABLE,
          "The Carelens gateway at %s could not be reached.".formatted(baseUrl),
          e);
    }
  }

  private <T> T decode(byte[] body, Argument<T> type, int status, String action) {
    try {
      return json.readValue(body, type);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Gateway answer to '{}' could not be read: {}", action, e.getMessage());
      throw new GatewayException(
          502,
          GatewayException.UNREADABLE,
          "The Carelens gateway answered %d but the portal could not read the answer: %s"
              .formatted(status, e.getMessage()),
          e);
    }
  }

  private Problem decodeProblem(byte[] body) {
    if (body.length == 0) {
      return new Problem(null, null, null, null, null);
    }
    try {
      return json.readValue(body, Argument.of(Problem.class));
    } catch (IOException | RuntimeException e) {
      // Not a problem document (e.g. a proxy's HTML error page): report the status alone.
      return new Problem(null, null, null, null, null);
    }
  }

  private static String firstNonBlank(@Nullable String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no candidate was non-blank");
  }

  // Checked here so nothing but digits ever reaches a request path.
  private static void requireNhsNumber(String nhsNumber) {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    if (!TEN_DIGITS.matcher(nhsNumber).matches()) {
      throw new IllegalArgumentException(
          "NHS number must be 10 digits, was '%s'".formatted(nhsNumber));
    }
  }

  private static void requireToken(String token, String what) {
    Objects.requireNonNull(token, what);
    if (token.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  @PreDestroy
  @Override
  public void close() {
    streamDeadlines.shutdownNow();
    streamHttp.shutdownNow();
    http.close();
  }
}
