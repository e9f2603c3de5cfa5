package org.carelens.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal over plain HTTP, against a WireMock stand-in for the gateway. */
class PortalServerTest {

  private static WireMockServer gatewayStub;
  private static PortalServer portal;
  private static final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    gatewayStub = new WireMockServer(options().dynamicPort());
    gatewayStub.start();
    portal = PortalServer.start(0, URI.create(gatewayStub.baseUrl()));
  }

  @AfterAll
  static void stop() {
    portal.stop();
    gatewayStub.stop();
  }

  @BeforeEach
  void reset() {
    gatewayStub.resetAll();
  }

  @Test
  void good_launch_token_redirects_to_the_patient_with_a_session_cookie() throws Exception {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/sessions"))
            .withHeader("Authorization", equalTo("Bearer good.launch.jwt"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("session-khan.json"))));

    HttpResponse<String> response = launch("token=good.launch.jwt", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).contains("/patient/9990000018");
    assertThat(response.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly"));
  }

  @Test
  void launch_gives_a_new_session_id_even_when_the_browser_brought_one() throws Exception {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/sessions"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("session-khan.json"))));
    String planted = sessionCookie(get("/"));

    HttpResponse<String> response = launch("token=good.launch.jwt", Optional.of(planted));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(sessionCookie(response)).isNotEqualTo(planted);
  }

  @Test
  void refused_launch_token_gets_401_with_the_gateways_detail() throws Exception {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/sessions"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(Fixtures.read("problem-invalid-token.json"))));

    HttpResponse<String> response = launch("token=forged.launch.jwt", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body())
        .contains("<h1>Launch refused</h1>")
        .contains("The launch token&#39;s signature does not match any trusted issuer key")
        .contains("INVALID_TOKEN")
        .doesNotContain("forged.launch.jwt");
  }

  @Test
  void launch_without_a_token_gets_400_and_never_calls_the_gateway() throws Exception {
    HttpResponse<String> response = launch("other=1", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Launch refused");
    gatewayStub.verify(0, postRequestedFor(urlEqualTo("/api/v1/sessions")));
  }

  @Test
  void launch_is_reported_as_failed_when_the_gateway_errs() throws Exception {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/sessions"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"title":"Unavailable","status":503,
                         "detail":"The audit store cannot be written","code":"AUDIT_UNAVAILABLE"}""")));

    HttpResponse<String> response = launch("token=good.launch.jwt", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body())
        .contains("Launch failed")
        .contains("The audit store cannot be written");
  }

  @Test
  void the_vaadin_app_serves_the_patient_page() throws Exception {
    HttpResponse<String> response = get("/patient/9990000018");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains("<div id=\"outlet\">").contains("lumo/lumo.css");
  }

  @Test
  void every_response_refuses_framing_sniffing_and_referrers() throws Exception {
    HttpResponse<String> page = get("/patient/9990000018");
    HttpResponse<String> launchPage = launch("", Optional.empty());

    for (HttpResponse<String> response : List.of(page, launchPage)) {
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }
  }

  @Test
  void a_second_launch_ends_the_first_portal_session() throws Exception {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/sessions"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("session-khan.json"))));
    String first = sessionCookie(launch("token=first.launch.jwt", Optional.empty()));
    String second = sessionCookie(launch("token=second.launch.jwt", Optional.of(first)));

    HttpResponse<String> withFirst = get("/", Optional.of(first));
    HttpResponse<String> withSecond = get("/", Optional.of(second));

    assertThat(second).isNotEqualTo(first);
    assertThat(withFirst.headers().firstValue("Set-Cookie"))
        .as("the first session is gone, so the portal starts a new, empty one")
        .isPresent();
    assertThat(withSecond.headers().firstValue("Set-Cookie"))
        .as("the second launch's session is still current")
        .isEmpty();
  }

  /**
   * The race behind a journey that landed on "Your session has ended" just after an IG officer's
   * launch: leaving a record page makes the browser send Atmosphere's push close request under the
   * old session's cookie, and under load it can reach the portal after the next launch has ended
   * that session. It must not start a session of its own: its Set-Cookie would replace the new
   * launch's cookie, and the new page would lose its launch.
   */
  @Test
  void a_late_request_from_an_ended_sessions_page_never_replaces_the_session_cookie()
      throws Exception {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/sessions"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("session-khan.json"))));
    String first = sessionCookie(launch("token=first.launch.jwt", Optional.empty()));
    sessionCookie(launch("token=second.launch.jwt", Optional.of(first)));

    for (String late :
        List.of(
            "/VAADIN/push?v-r=push&v-uiId=0&v-pushId=7b0c3c52&X-Atmosphere-Transport=close"
                + "&X-Atmosphere-tracking-id=5f5f2d58",
            "/?v-r=uidl&v-uiId=0",
            "/?v-r=heartbeat&v-uiId=0")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(portal.url().resolve(late))
                  .header("Cookie", first)
                  .header("Content-Type", "application/json; charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"x\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.headers().allValues("Set-Cookie"))
          .as("%s under the ended session's cookie", late)
          .noneMatch(c -> c.startsWith("JSESSIONID="));
    }
  }

  @Test
  void the_session_ended_page_is_served() throws Exception {
    HttpResponse<String> response = get("/session-ended");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<div id=\"outlet\">");
  }

  @Test
  void the_lumo_theme_is_served_from_the_classpath() throws Exception {
    HttpResponse<String> response = get("/lumo/lumo.css");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("--lumo-");
  }

  private static HttpResponse<String> launch(String form, Optional<String> cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(portal.url().resolve("/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    cookie.ifPresent(c -> request.header("Cookie", c));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(path, Optional.empty());
  }

  private static HttpResponse<String> get(String path, Optional<String> cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(portal.url().resolve(path)).GET();
    cookie.ifPresent(c -> request.header("Cookie", c));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<String> response) {
    String setCookie =
        response
            .headers()
            .firstValue("Set-Cookie")
            .orElseThrow(() -> new AssertionError("no Set-Cookie in " + response.headers()));
    return setCookie.substring(0, setCookie.indexOf(';'));
  }
}
