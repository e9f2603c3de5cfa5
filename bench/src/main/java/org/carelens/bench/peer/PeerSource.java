package org.carelens.bench.peer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sources a peer asks and the HTTP calls it makes to each, written out as an integration
 * developer would from each source's API: the same method, path, query and body as the gateway's
 * adapters send for a clinician's view, so the bench's canned sources replay the same answers
 * (PeerSourceTest checks the strings against the adapters' own builders).
 *
 * <p>The mental health trust is not here: the gateway's policy does not ask it for the bench's
 * viewer (an out-of-hours clinician), so the peers do not either. Calls carry no credentials: the
 * canned sources do not check them, and the gateway's token work counts as its own cost.
 */
public enum PeerSource {
  PDS("pds", "Demographics (PDS)"),
  GP("gp", "GP practice (GP Connect)"),
  ACUTE("acute", "Riverside University Hospitals (FHIR R4)"),
  SOCIAL_CARE("social-care", "Riverside Council Adult Social Care"),
  PHARMACY("pharmacy", "Community pharmacy (dispensing)"),
  CARE_PLANS("care-plans", "Care plans (National Record Locator)");

  /**
   * One HTTP call.
   *
   * @param pathAndQuery below the source's base URL, already encoded
   * @param body the request body, or null for none
   * @param contentType the body's type, or null without a body
   */
  public record Call(
      String method,
      String pathAndQuery,
      @Nullable String body,
      @Nullable String contentType,
      String accept) {

    static Call get(String pathAndQuery, String accept) {
      return new Call("GET", pathAndQuery, null, null, accept);
    }

    /** The path without its query. */
    public String path() {
      int q = pathAndQuery.indexOf('?');
      return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** The query without the '?', or null without one. */
    public @Nullable String query() {
      int q = pathAndQuery.indexOf('?');
      return q < 0 ? null : pathAndQuery.substring(q + 1);
    }
  }

  static final String FHIR_JSON = "application/fhir+json";
  static final String JSON = "application/json";

  private static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

  /** The hospital's FHIR R4 searches, below the token: the Patient, then one per section. */
  private static final List<String> ACUTE_SEARCHES =
      List.of(
          "/Patient?identifier=%s",
          "/Encounter?patient:identifier=%s",
          "/Condition?patient:identifier=%s",
          "/AllergyIntolerance?patient:identifier=%s",
          "/MedicationStatement?patient:identifier=%s",
          "/DiagnosticReport?patient:identifier=%s&_include=DiagnosticReport:result",
          "/DocumentReference?patient:identifier=%s");

  /** The care plan types the pointer service is searched for (SNOMED CT). */
  private static final String PLAN_TYPES =
      String.join(
          ",",
          List.of(
                  "736373009",
                  "861421000000109",
                  "1382601000000107",
                  "450476008",
                  "736253002",
                  "887701000000100")
              .stream()
              .map(code -> "http://snomed.info/sct|" + code)
              .toList());

  /** The council's per-person resources, read at once after the person lookup. */
  public static final List<String> SOCIAL_CARE_RESOURCES =
      List.of("involvements", "care-packages", "safeguarding");

  private final String id;
  private final String displayName;

  PeerSource(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** The calls made first, all at once (the scatter-gather) or one by one (the sequential peer). */
  public List<Call> first(String nhsNumber) {
    String token = encode(NHS_NUMBER_SYSTEM + "|" + nhsNumber);
    return switch (this) {
      case PDS -> List.of(Call.get("/Patient/" + nhsNumber, FHIR_JSON));
      case GP ->
          List.of(
              new Call(
                  "POST",
                  "/Patient/$gpc.getstructuredrecord",
                  structuredRecordRequest(nhsNumber),
                  FHIR_JSON + ";charset=utf-8",
                  FHIR_JSON));
      case ACUTE ->
          ACUTE_SEARCHES.stream().map(s -> Call.get(s.formatted(token), FHIR_JSON)).toList();
      case SOCIAL_CARE -> List.of(Call.get("/api/v1/people?nhsNumber=" + nhsNumber, JSON));
      case PHARMACY -> List.of(Call.get("/api/v1/patients/" + nhsNumber + "/dispensing", JSON));
      case CARE_PLANS -> {
        String search =
            "/DocumentReference?subject:identifier=" + token + "&type=" + encode(PLAN_TYPES);
        yield List.of(Call.get(search + "&status=current", FHIR_JSON), Call.get(search, FHIR_JSON));
      }
    };
  }

  /**
   * The calls that depend on the first answers: the council's three per-person reads once its
   * people search has found the patient; none for the other sources, or when the search found no
   * one (the view then says {@code NO_RECORD}).
   */
  public List<Call> then(String nhsNumber, List<Answer> first) {
    if (this != SOCIAL_CARE || first.size() != 1 || first.getFirst().json() == null) {
      return List.of();
    }
    List<Call> reads = new ArrayList<>();
    for (var person : first.getFirst().json().path("content")) {
      String personId = person.path("id").asText("");
      if (nhsNumber.equals(person.path("nhsNumber").asText())
          && personId.matches("[A-Za-z0-9-]{1,64}")) {
        for (String resource : SOCIAL_CARE_RESOURCES) {
          reads.add(
              Call.get(
                  "/api/v1/people/" + encode(personId) + "/" + resource + "?page=0&size=20", JSON));
        }
        break;
      }
    }
    return reads;
  }

  /** GP Connect 1.6's {@code $gpc.getstructuredrecord} Parameters for every clinical area. */
  static String structuredRecordRequest(String nhsNumber) {
    return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patientNHSNumber\","
        + "\"valueIdentifier\":{\"system\":\""
        + NHS_NUMBER_SYSTEM
        + "\",\"value\":\""
        + nhsNumber
        + "\"}},{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\","
        + "\"valueBoolean\":true}]},{\"name\":\"includeMedication\"},{\"name\":\"includeProblems\"},"
        + "{\"name\":\"includeConsultations\"},{\"name\":\"includeImmunisations\"},"
        + "{\"name\":\"includeReferrals\"},{\"name\":\"includeInvestigations\"},"
        + "{\"name\":\"includeUncategorisedData\"}]}";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
