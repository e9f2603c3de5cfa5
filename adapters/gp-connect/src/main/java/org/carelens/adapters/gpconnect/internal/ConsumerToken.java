package org.carelens.adapters.gpconnect.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.carelens.sdk.spi.RequestContext;
import org.hl7.fhir.dstu3.model.Device;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

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
    claims.set("requesting_device", resource(device()));
    claims.set("requesting_organization", resource(organisation(context)));
    claims.set("requesting_practitioner", resource(practitioner(context)));
    try {
      return HEADER + "." + base64Url(JSON.writeValueAsBytes(claims)) + ".";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise the GP Connect consumer token", e);
    }
  }

  private Device device() {
    Device device = new Device();
    device
        .addIdentifier()
        .setSystem(localSystem("local-system-instance-id"))
        .setValue(consumerAsid);
    device.setModel("Carelens shared care record");
    device.setVersion("1");
    return device;
  }

  private static Organization organisation(RequestContext context) {
    Organization organisation = new Organization();
    organisation
        .addIdentifier()
        .setSystem(Gpc.ODS_ORGANISATION_SYSTEM)
        .setValue(context.organisationOds());
    organisation.setName(context.organisationName());
    return organisation;
  }

  /**
   * GP Connect requires the SDS user id and SDS role profile id; the role the launching system gave
   * is passed as the role profile. {@code sub} must equal the practitioner's id.
   */
  private Practitioner practitioner(RequestContext context) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(context.userId());
    practitioner.addIdentifier().setSystem(Gpc.SDS_USER_SYSTEM).setValue(context.userId());
    practitioner
        .addIdentifier()
        .setSystem(Gpc.SDS_ROLE_PROFILE_SYSTEM)
        .setValue(context.role().isBlank() ? "UNK" : context.role());
    practitioner.addIdentifier().setSystem(localSystem("local-user-id")).setValue(context.userId());
    String name = context.userName().strip();
    int lastSpace = name.lastIndexOf(' ');
    practitioner
        .addName()
        .setText(name)
        .setFamily(lastSpace < 0 ? name : name.substring(lastSpace + 1));
    return practitioner;
  }

  private String localSystem(String kind) {
    String base = issuer.toString();
    return (base.endsWith("/") ? base : base + "/") + "Id/" + kind;
  }

  private static com.fasterxml.jackson.databind.JsonNode resource(Resource resource) {
    String json = Gpc.STU3.newJsonParser().encodeResourceToString((IBaseResource) resource);
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI produced JSON that Jackson cannot read", e);
    }
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
