package org.carelens.adapters.gpconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.carelens.sdk.spi.RequestContext;
import org.hl7.fhir.dstu3.model.Device;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consumer token writes its three FHIR resources with Jackson rather than HAPI (issue 14: the
 * HAPI encoding on every request cost about 3% of the gateway's CPU per view). HAPI stays the
 * reference: each resource must be exactly what HAPI encodes for the same values.
 */
class ConsumerTokenTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final URI ISSUER = URI.create("https://carelens.example/");
  static final URI AUDIENCE = URI.create("https://provider.example/fhir");
  final ConsumerToken token = new ConsumerToken(ISSUER, "200000000359");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "555123456789|Dr Anna Clarke|S0030:G0100:R0260|RY448|Urgent Care Centre Leeds",
        "u1|Cher|R8000|Y03012|Riverside Out of Hours",
        "u2|  Dr  Two  Spaces |''|FA123|''",
      })
  void every_resource_is_what_hapi_encodes(
      String user, String name, String role, String ods, String organisationName) throws Exception {
    RequestContext context = new RequestContext("corr-1", user, name, role, ods, organisationName);

    JsonNode claims =
        claims(token.encode(context, AUDIENCE, Instant.parse("2026-12-03T10:00:00Z")));

    assertThat(claims.get("requesting_device")).isEqualTo(hapi(device()));
    assertThat(claims.get("requesting_organization")).isEqualTo(hapi(organisation(context)));
    assertThat(claims.get("requesting_practitioner")).isEqualTo(hapi(practitioner(context)));
  }

  @Test
  void the_token_is_unsigned_and_lives_five_minutes_as_gp_connect_requires() throws Exception {
    String encoded =
        token.encode(
            new RequestContext("c", "u", "Dr A B", "R8000", "Y03012", "OOH"),
            AUDIENCE,
            Instant.ofEpochSecond(1_000));

    assertThat(encoded).endsWith(".");
    JsonNode claims = claims(encoded);
    assertThat(claims.get("iat").asLong()).isEqualTo(1_000);
    assertThat(claims.get("exp").asLong()).isEqualTo(1_300);
    assertThat(claims.get("sub").asText())
        .isEqualTo(claims.get("requesting_practitioner").get("id").asText());
    assertThat(claims.get("aud").asText()).isEqualTo(AUDIENCE.toString());
  }

  private static JsonNode claims(String compact) throws Exception {
    String[] parts = compact.split("\\.", -1);
    assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    assertThat(parts[2]).isEmpty();
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  private static JsonNode hapi(Resource resource) throws Exception {
    return JSON.readTree(Gpc.STU3.newJsonParser().encodeResourceToString(resource));
  }

  // The resources as the adapter built them with HAPI before issue 14.

  private Device device() {
    Device device = new Device();
    device
        .addIdentifier()
        .setSystem(ISSUER + "Id/local-system-instance-id")
        .setValue("200000000359");
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

  private static Practitioner practitioner(RequestContext context) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(context.userId());
    practitioner.addIdentifier().setSystem(Gpc.SDS_USER_SYSTEM).setValue(context.userId());
    practitioner
        .addIdentifier()
        .setSystem(Gpc.SDS_ROLE_PROFILE_SYSTEM)
        .setValue(context.role().isBlank() ? "UNK" : context.role());
    practitioner.addIdentifier().setSystem(ISSUER + "Id/local-user-id").setValue(context.userId());
    String name = context.userName().strip();
    int lastSpace = name.lastIndexOf(' ');
    practitioner
        .addName()
        .setText(name)
        .setFamily(lastSpace < 0 ? name : name.substring(lastSpace + 1));
    return practitioner;
  }
}
