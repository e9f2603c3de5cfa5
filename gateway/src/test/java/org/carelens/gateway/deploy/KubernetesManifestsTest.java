package org.carelens.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 15 item 6: each kustomize overlay under {@code deploy/kubernetes} renders with {@code
 * kubectl kustomize}, parses, and fits the gateway as built: probes on its readiness and liveness
 * endpoints, a termination grace period longer than its drain, a PodDisruptionBudget, an autoscaler
 * on CPU, a sticky portal Service, network policies, and Secrets referenced by name. Skipped,
 * saying so, where {@code kubectl} is not installed (CI installs the Debian package).
 */
class KubernetesManifestsTest {

  static final Path KUBERNETES = Path.of("..", "deploy", "kubernetes");

  @ParameterizedTest
  @ValueSource(strings = {"demo", "production"})
  void the_overlay_renders_and_fits_the_gateway(String overlay) throws Exception {
    List<Map<String, Object>> objects = render(overlay);

    Map<String, Object> gateway = only(objects, "Deployment", "carelens-gateway");
    Map<String, Object> container = firstContainer(gateway);
    assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/health/readiness");
    assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/health/liveness");
    assertThat(path(container, "resources", "requests", "cpu")).isNotNull();
    int grace =
        (Integer) path(gateway, "spec", "template", "spec", "terminationGracePeriodSeconds");
    assertThat(Duration.ofSeconds(grace)).isGreaterThan(drainPeriod());
    assertThat(path(only(objects, "PodDisruptionBudget", "carelens-gateway"), "spec")).isNotNull();
    Map<String, Object> hpa = only(objects, "HorizontalPodAutoscaler", "carelens-gateway");
    assertThat(String.valueOf(path(hpa, "spec", "metrics"))).contains("name=cpu");
    assertThat(path(only(objects, "Service", "carelens-portal"), "spec", "sessionAffinity"))
        .isEqualTo("ClientIP");
    assertThat(named(objects, "NetworkPolicy")).contains("carelens-gateway", "carelens-portal");
    assertThat(String.valueOf(container.get("env")))
        .contains("secretKeyRef={key=db-password, name=carelens-gateway-secrets");
  }

  @ParameterizedTest
  @ValueSource(strings = {"production"})
  void production_runs_three_gateway_replicas_on_an_external_database(String overlay)
      throws Exception {
    List<Map<String, Object>> objects = render(overlay);

    assertThat(path(only(objects, "Deployment", "carelens-gateway"), "spec", "replicas"))
        .isEqualTo(3);
    assertThat(path(only(objects, "Service", "carelens-db"), "spec", "type"))
        .isEqualTo("ExternalName");
    assertThat(named(objects, "Secret")).as("production secrets come from outside").isEmpty();
  }

  private static List<Map<String, Object>> render(String overlay) throws Exception {
    Optional<Path> kubectl = kubectl();
    assumeTrue(
        kubectl.isPresent(),
        "kubectl is not installed (Debian package kubectl; .ci/run installs it): the Kubernetes"
            + " manifests were not rendered");
    Process process =
        new ProcessBuilder(
                kubectl.get().toString(),
                "kustomize",
                KUBERNETES.resolve("overlays").resolve(overlay).toString())
            .redirectErrorStream(false)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object document : new Yaml().loadAll(out)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) document;
      assertThat(object).containsKeys("apiVersion", "kind", "metadata");
      objects.add(object);
    }
    return objects;
  }

  private static Optional<Path> kubectl() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The gateway's own drain period, from application.yml. */
  @SuppressWarnings("unchecked")
  private static Duration drainPeriod() throws IOException {
    Map<String, Object> yml =
        new Yaml().load(Files.readString(Path.of("src", "main", "resources", "application.yml")));
    Object period = path(yml, "micronaut", "lifecycle", "graceful-shutdown", "grace-period");
    return Duration.parse("PT" + String.valueOf(period).toUpperCase());
  }

  private static Map<String, Object> only(
      List<Map<String, Object>> objects, String kind, String name) {
    List<Map<String, Object>> found =
        objects.stream()
            .filter(o -> kind.equals(o.get("kind")))
            .filter(o -> name.equals(path(o, "metadata", "name")))
            .toList();
    assertThat(found).as("%s %s", kind, name).hasSize(1);
    return found.get(0);
  }

  private static List<String> named(List<Map<String, Object>> objects, String kind) {
    return objects.stream()
        .filter(o -> kind.equals(o.get("kind")))
        .map(o -> String.valueOf(path(o, "metadata", "name")))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstContainer(Map<String, Object> deployment) {
    List<Object> containers =
        (List<Object>) path(deployment, "spec", "template", "spec", "containers");
    return (Map<String, Object>) containers.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Object path(Map<String, Object> from, String... keys) {
    Object at = from;
    for (String key : keys) {
      if (!(at instanceof Map<?, ?> map)) {
        return null;
      }
      at = ((Map<String, Object>) map).get(key);
    }
    return at;
  }
}
