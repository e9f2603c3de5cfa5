package org.carelens.adapters.gpconnect.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.carelens.sdk.spi.RequestContext;

/**
 * The consumer's JSON Web Token that GP Connect requires in {@code Authorization: Bearer} on every
 * request, carrying the clinical audit details the provider records.
 *
 * <p>GP Connect 1.x specifies this token as <em>unsigned</em> between consumer and Spine Security
 * Proxy (header {@code {"alg":"none","typ":"JWT"}}, empty signature): trust comes from the
 * mutually-authenticated TLS connection to the SSP, and the token is an audit record, not a
 * credential. So it is built here by hand; no signing library is involved.
 *
 * @param issuer the consumer system's URI ({@code iss})
 * @param consumerAsid the consumer's ASID, used as the requesting device's identifier
 */
public record ConsumerToken(URI issuer, String consumerAsid) {

  /** GP Connect requires {@code exp} to be exactly five minutes after {@code iat}. */
  static final long LIFETIME_SECONDS = 300;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEADER =
      base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  /**
   * The compact serialisation: {@code header.claims.} (an unsecured JWT ends with an empty
   * signature, RFC 7519 section 6.1).
   *
   * @param audience the provider endpoint being called
   */
  public String encode(RequestContext context, URI audience, Instant now) {
    long iat = now.getEpochSecond();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", issuer.toString());
    claims.put("sub", context.userId());
    claims.put("aud", audience.toString());
    claims.put("exp", iat + LIFETIME_SECONDS);
    claims.put("iat", iat);
    claims.put("reason_for_request", "directcare");
    claims.put("requested_scope", "patient/*.read");
    claims.set("requesting_device", device());
    claims.set("requesting_organization", organisation(context));
    claims.set("requesting_practitioner", practitioner(context));
    try {
      return HEADER + "." + base64Url(JSON.writeValueAsBytes(claims)) + ".";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise the GP Connect consumer token", e);
    }
  }

  /**
   * The three FHIR STU3 resources are written with Jackson directly, field for field as HAPI
   * encodes them ({@code ConsumerTokenTest} checks that against HAPI): encoding them through HAPI
   * on every request cost about 3% of the gateway's CPU per view (issue 14's profile).
   */
  private ObjectNode device() {
    ObjectNode device = JSON.createObjectNode();
    device.put("resourceType", "Device");
    device.set("identifier", identifiers(localSystem("local-system-instance-id"), consumerAsid));
    device.put("model", "Carelens shared care record");
    device.put("version", "1");
    return device;
  }

  private static ObjectNode organisation(RequestContext context) {
    ObjectNode organisation = JSON.createObjectNode();
    organisation.put("resourceType", "Organization");
    organisation.set(
        "identifier", identifiers(Gpc.ODS_ORGANISATION_SYSTEM, context.organisationOds()));
    putIfPresent(organisation, "name", context.organisationName());
    return organisation;
  }

  /**
   * GP Connect requires the SDS user id and SDS role profile id; the role the launching system gave
   * is passed as the role profile. {@code sub} must equal the practitioner's id.
   */
  private ObjectNode practitioner(RequestContext context) {
    ObjectNode practitioner = JSON.createObjectNode();
    practitioner.put("resourceType", "Practitioner");
    putIfPresent(practitioner, "id", context.userId());
    practitioner.set(
        "identifier",
        identifiers(
            Gpc.SDS_USER_SYSTEM,
            context.userId(),
            Gpc.SDS_ROLE_PROFILE_SYSTEM,
            context.role().isBlank() ? "UNK" : context.role(),
            localSystem("local-user-id"),
            context.userId()));
    String name = context.userName().strip();
    int lastSpace = name.lastIndexOf(' ');
    ObjectNode humanName = JSON.createObjectNode();
    putIfPresent(humanName, "text", name);
    putIfPresent(humanName, "family", lastSpace < 0 ? name : name.substring(lastSpace + 1));
    if (!humanName.isEmpty()) {
      practitioner.putArray("name").add(humanName);
    }
    return practitioner;
  }

  /** Identifiers from (system, value) pairs; as in HAPI, empty parts are left out. */
  private static ArrayNode identifiers(String... systemsAndValues) {
    ArrayNode identifiers = JSON.createArrayNode();
    for (int i = 0; i < systemsAndValues.length; i += 2) {
      ObjectNode identifier = JSON.createObjectNode();
      putIfPresent(identifier, "system", systemsAndValues[i]);
      putIfPresent(identifier, "value", systemsAndValues[i + 1]);
      identifiers.add(identifier);
    }
    return identifiers;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }

  private String localSystem(String kind) {
    String base = issuer.toString();
    return (base.endsWith("/") ? base : base + "/") + "Id/" + kind;
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
