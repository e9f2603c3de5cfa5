package org.carelens.adapters.gpconnect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Predicate;
import org.carelens.adapters.http.Deadline;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.HttpReply;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.http.TraceHeaders;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;

/**
 * Finds the GP Connect endpoint of a patient's registered practice: the practice's ODS code from
 * the demographics spine (PDS), then its endpoint from the directory (SDS). Only the fields routing
 * needs are read, so a plain JSON reading is enough here; the PDS adapter maps the full Patient.
 */
public final class PracticeRouter {

  /** Where the record is, or the outcome that ends the fetch here. */
  public sealed interface Route {}

  /** The practice's GP Connect FHIR base URL and ODS code. */
  public record Found(URI endpoint, String practiceOds) implements Route {}

  /** The fetch ends before the practice is asked, with this outcome. */
  public record Ends(SourceOutcome outcome) implements Route {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIDENTIALITY_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  private static final String SDS_INTERACTION_SYSTEM =
      "https://fhir.nhs.uk/Id/nhsServiceInteractionId";

  /** The largest spine or directory answer read; a Patient or an Endpoint Bundle is far smaller. */
  public static final int MAX_LOOKUP_BYTES = 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(PracticeRouter.class.getName());

  private final SourceHttpClient http;
  private final URI pdsBaseUrl;
  private final URI directoryBaseUrl;
  private final Predicate<URI> permittedEndpoint;

  /**
   * @param permittedEndpoint whether an endpoint address the directory returns may be called; one
   *     that may not ends the lookup without calling it
   */
  public PracticeRouter(
      SourceHttpClient http,
      URI pdsBaseUrl,
      URI directoryBaseUrl,
      Predicate<URI> permittedEndpoint) {
    this.http = Objects.requireNonNull(http, "http");
    this.pdsBaseUrl = Objects.requireNonNull(pdsBaseUrl, "pdsBaseUrl");
    this.directoryBaseUrl = Objects.requireNonNull(directoryBaseUrl, "directoryBaseUrl");
    this.permittedEndpoint = Objects.requireNonNull(permittedEndpoint, "permittedEndpoint");
  }

  /**
   * @param deadline by when both lookups must be done
   */
  public Route route(NhsNumber nhsNumber, RequestContext context, Deadline deadline)
      throws InterruptedException {
    try {
      String practiceOds = registeredPractice(nhsNumber, context, deadline);
      return endpoint(practiceOds, context, deadline);
    } catch (EndsHere ends) {
      return ends.route;
    }
  }

  /** Ends the lookup early with an outcome; carries no stack trace. */
  private static final class EndsHere extends Exception {
    private final Ends route;

    EndsHere(Ends route) {
      super(null, null, false, false);
      this.route = route;
    }
  }

  /** The registered practice's ODS code, from the spine. */
  private String registeredPractice(NhsNumber nhsNumber, RequestContext context, Deadline deadline)
      throws InterruptedException, EndsHere {
    HttpReply response =
        lookup(
            TraceHeaders.apply(
                HttpRequest.newBuilder(URI.create(pdsBaseUrl + "/Patient/" + nhsNumber.value())),
                context),
            deadline,
            "demographics spine");
    if (response.status() == 404) {
      throw new EndsHere(
          new Ends(
              new SourceOutcome.NoRecord(
                  "the demographics spine holds no patient with this NHS number, so no GP practice"
                      + " could be found")));
    }
    if (response.status() != 200) {
      throw new EndsHere(
          ends(
              Kind.SOURCE_ERROR,
              "demographics spine answered HTTP %d to the practice lookup"
                  .formatted(response.status())));
    }
    JsonNode patient = parse(response.body());
    if (patient == null || !"Patient".equals(patient.path("resourceType").asText())) {
      throw new EndsHere(
          ends(
              Kind.MALFORMED_PAYLOAD,
              "demographics spine answered with something other than a Patient"));
    }
    for (JsonNode security : patient.path("meta").path("security")) {
      if (CONFIDENTIALITY_SYSTEM.equals(security.path("system").asText())
          && ("R".equals(security.path("code").asText())
              || "V".equals(security.path("code").asText()))) {
        // PDS withholds a restricted patient's practice; without it there is nowhere to ask.
        throw new EndsHere(
            new Ends(
                new SourceOutcome.WithheldBySource(
                    "RESTRICTED_PATIENT",
                    "the demographics spine does not disclose a restricted patient's registered"
                        + " practice, so the GP record cannot be located")));
      }
    }
    for (JsonNode gp : patient.path("generalPractitioner")) {
      JsonNode identifier = gp.path("identifier");
      if (Gpc.ODS_ORGANISATION_SYSTEM.equals(identifier.path("system").asText())
          && identifier.path("value").asText("").matches("[A-Z0-9]{3,10}")) {
        return identifier.path("value").asText();
      }
    }
    throw new EndsHere(
        new Ends(
            new SourceOutcome.NoRecord(
                "the demographics spine records no registered GP practice for this patient")));
  }

  private Route endpoint(String practiceOds, RequestContext context, Deadline deadline)
      throws InterruptedException, EndsHere {
    String query =
        "organization="
            + encode(Gpc.ODS_ORGANISATION_SYSTEM + "|" + practiceOds)
            + "&identifier="
            + encode(SDS_INTERACTION_SYSTEM + "|" + Gpc.INTERACTION_ID);
    HttpReply response =
        lookup(
            TraceHeaders.apply(
                HttpRequest.newBuilder(URI.create(directoryBaseUrl + "/Endpoint?" + query)),
                context),
            deadline,
            "endpoint directory");
    if (response.status() != 200) {
      return ends(
          Kind.SOURCE_ERROR,
          "endpoint directory answered HTTP %d for practice %s"
              .formatted(response.status(), practiceOds));
    }
    JsonNode bundle = parse(response.body());
    if (bundle == null || !"Bundle".equals(bundle.path("resourceType").asText())) {
      return ends(
          Kind.MALFORMED_PAYLOAD, "endpoint directory answered with something other than a Bundle");
    }
    for (JsonNode entry : bundle.path("entry")) {
      JsonNode endpoint = entry.path("resource");
      String address = endpoint.path("address").asText("");
      if ("Endpoint".equals(endpoint.path("resourceType").asText())
          && address.matches("https?://[^\\s?#]+")) {
        URI found = URI.create(address.replaceFirst("/$", ""));
        if (!permittedEndpoint.test(found)) {
          // The address goes to the log for operators, never into the outcome the viewer sees.
          LOG.log(
              System.Logger.Level.WARNING,
              "Endpoint directory listed {0} for practice {1}: not on the allow-list, not called",
              found,
              practiceOds);
          return ends(
              Kind.SOURCE_ERROR,
              "the endpoint directory's address for practice %s is not on the allow-list"
                  .formatted(practiceOds));
        }
        return new Found(found, practiceOds);
      }
    }
    return ends(
        Kind.SOURCE_ERROR,
        "the endpoint directory lists no GP Connect endpoint for practice " + practiceOds);
  }

  private static Ends ends(Kind kind, String detail) {
    return new Ends(new SourceOutcome.Failed(kind, detail));
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** One lookup; a failure to get any answer ends the fetch, naming the lookup. */
  private HttpReply lookup(HttpRequest.Builder request, Deadline deadline, String what)
      throws InterruptedException, EndsHere {
    try {
      return http.send(request.header("Accept", "application/fhir+json").GET(), deadline, what);
    } catch (ExchangeFailedException e) {
      throw new EndsHere(ends(e.outcome().kind(), what + ": " + e.outcome().detail()));
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
