package org.carelens.gateway.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yml}: the OpenAPI description that micronaut-openapi generates from the
 * controllers at build time ({@code META-INF/swagger/carelens-gateway-v1.yml}).
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "carelens-gateway",
            version = "v1",
            description =
                "Carelens gateway: launch sessions, the federated record view (whole or streamed),"
                    + " document content on demand. Errors are application/problem+json.",
            license = @License(name = "Apache-2.0")))
@Controller
public class OpenApiController {

  static final String RESOURCE = "META-INF/swagger/carelens-gateway-v1.yml";

  private final byte[] document;

  public OpenApiController() {
    try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing: the micronaut-openapi processor did not run at build time");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get(value = "/openapi.yml", produces = "application/yaml")
  public HttpResponse<byte[]> openApi() {
    return HttpResponse.ok(document.clone()).contentType("application/yaml");
  }
}
