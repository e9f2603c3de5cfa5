package org.carelens.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.carelens.gateway.GatewayTestClient;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's "done when": a source type the gateway has never heard of is added as a jar plus
 * configuration. The test writes and compiles a tiny adapter against the SDK alone, packs it into a
 * jar with its {@code META-INF/services} entry, and starts a gateway JVM whose classpath is the
 * gateway's own with that jar added and every adapter module of this repository taken away. The
 * configured source then answers in a record view, with a setting only the plug-in knows.
 */
class PluginJarTest {

  private static final String SHOWCASE = "9990000018";

  private static final String FACTORY =
      """
      package org.example.hello;

      import java.util.List;
      import java.util.Map;
      import java.util.Optional;
      import java.util.Set;
      import org.carelens.sdk.model.AlertItem;
      import org.carelens.sdk.model.CodedConcept;
      import org.carelens.sdk.model.Provenance;
      import org.carelens.sdk.model.Section;
      import org.carelens.sdk.model.SectionContent;
      import org.carelens.sdk.model.SourceRecord;
      import org.carelens.sdk.spi.SourceAdapter;
      import org.carelens.sdk.spi.SourceAdapterFactory;
      import org.carelens.sdk.spi.SourceConfig;
      import org.carelens.sdk.spi.SourceDescriptor;
      import org.carelens.sdk.spi.SourceOutcome;
      import org.carelens.sdk.spi.SourceRequest;

      public final class HelloFactory implements SourceAdapterFactory {
        public String type() {
          return "hello-plugin";
        }

        public SourceAdapter create(SourceConfig config) {
          String greeting = config.string("greeting");
          SourceDescriptor descriptor =
              new SourceDescriptor(
                  config.sourceId(), config.displayName(), config.string("provider-ods"),
                  Set.of(Section.ALERTS));
          return new SourceAdapter() {
            public SourceDescriptor descriptor() {
              return descriptor;
            }

            public SourceOutcome fetch(SourceRequest request) {
              AlertItem alert =
                  new AlertItem(
                      Provenance.of(descriptor.id(), "hello-" + request.nhsNumber().value()),
                      CodedConcept.snomed("1382601000000107", "ReSPECT form"),
                      AlertItem.Kind.RESPECT, AlertItem.Status.ACTIVE, Optional.empty(),
                      Optional.of(greeting), Set.of());
              return new SourceOutcome.Loaded(
                  new SourceRecord(
                      Optional.empty(),
                      Map.of(Section.ALERTS, SectionContent.of(Section.ALERTS, List.of(alert)))));
            }
          };
        }
      }
      """;

  private final TestLaunchTokens tokens = new TestLaunchTokens();
  private Process gateway;

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null) {
      gateway.destroy();
      if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
        gateway.destroyForcibly();
      }
    }
  }

  @Test
  void a_source_type_added_as_a_jar_and_configuration_answers_in_a_record(@TempDir Path dir)
      throws Exception {
    Path jar = pluginJar(dir);
    int port = freePort();

    gateway = startGateway(jar, dir, port);

    GatewayTestClient client =
        new GatewayTestClient("http://localhost:" + port, JsonMapper.createDefault());
    String session = client.session(tokens.token("clinician", SHOWCASE));
    HttpResponse<String> response = client.get("/api/v1/patients/" + SHOWCASE + "/record", session);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> record =
        JsonMapper.createDefault()
            .readValue(response.body(), Argument.mapOf(String.class, Object.class));
    assertThat(record.get("sources").toString())
        .contains("hello")
        .contains("Hello plug-in")
        .contains("status=OK");
    assertThat(response.body())
        .contains("Configured for the plug-in alone")
        .contains("hello-" + SHOWCASE);
  }

  /** Compiles {@link #FACTORY} against the SDK only and packs it as an adapter jar. */
  private static Path pluginJar(Path dir) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/org/example/hello"));
    Path source = Files.writeString(sources.resolve("HelloFactory.java"), FACTORY);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String sdk =
        classpathEntries().stream()
            .filter(e -> e.contains("adapter-sdk"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("adapter-sdk is not on the classpath"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "--release",
            "21",
            "-cp",
            sdk,
            "-d",
            classes.toString(),
            source.toString());
    assertThat(status).as("javac exit status").isZero();

    Path jar = dir.resolve("hello-plugin.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry("META-INF/services/org.carelens.sdk.spi.SourceAdapterFactory"));
      out.write("org.example.hello.HelloFactory\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      try (var files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    }
    return jar;
  }

  private Process startGateway(Path jar, Path dir, int port) throws Exception {
    List<String> classpath = new ArrayList<>();
    for (String entry : classpathEntries()) {
      Path path = Path.of(entry).toAbsolutePath().normalize();
      // The gateway's own runtime classpath: no test classes, and none of this repository's
      // adapters, so the plug-in is the only source type it can build.
      if (path.endsWith(Path.of("target", "test-classes")) || isRepositoryAdapter(path)) {
        continue;
      }
      classpath.add(entry);
    }
    classpath.add(jar.toString());
    assertThat(String.join(" ", classpath)).doesNotContain("fhir-r4").doesNotContain("gp-connect");

    Map<String, String> properties = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("hello")));
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    properties.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    properties.put("carelens.launch.jwks", tokens.jwksJson());
    properties.put("carelens.policy.agreement", agreementWithHello(dir).toString());
    properties.put(
        "datasources.default.url",
        "jdbc:h2:mem:plugin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    properties.put("carelens.audit.checkpoint.key-file", dir.resolve("key.json").toString());
    properties.put("carelens.audit.checkpoint.file", dir.resolve("checkpoints.jsonl").toString());
    properties.put("carelens.sources.hello.type", "hello-plugin");
    properties.put("carelens.sources.hello.name", "Hello plug-in");
    properties.put("carelens.sources.hello.provider-ods", "ZZ001");
    properties.put("carelens.sources.hello.greeting", "Configured for the plug-in alone");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classpath));
    command.add("org.carelens.gateway.Application");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    awaitServerRunning(process, dir.resolve("gateway.log"));
    return process;
  }

  /** This repository's adapter modules, as jars or class directories (not the SDK). */
  private static boolean isRepositoryAdapter(Path entry) {
    String text = entry.toString().replace('\\', '/');
    return List.of(
                "gp-connect",
                "fhir-r4",
                "/pds",
                "mental-health-xml",
                "social-care-rest",
                "community-pharmacy",
                "care-plans")
            .stream()
            .anyMatch(text::contains)
        && (text.contains("/adapters/") || text.contains("/org/carelens/"));
  }

  /** The demo agreement with the plug-in's source shared with clinical viewers. */
  private static Path agreementWithHello(Path dir) throws IOException {
    String riverside;
    try (InputStream in =
        PluginJarTest.class.getClassLoader().getResourceAsStream("agreements/riverside.yml")) {
      riverside = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String withHello =
        riverside.replaceFirst(
            "(?m)^sources:\n",
            "sources:\n  hello:\n    shareIn: implied\n    shares:\n"
                + "      - viewers: [out-of-hours, acute-trust]\n        sections: all\n");
    assertThat(withHello).isNotEqualTo(riverside);
    return Files.writeString(dir.resolve("agreement.yml"), withHello);
  }

  /** Waits for Micronaut's "Server Running" line, copying the output to a log for diagnosis. */
  private static void awaitServerRunning(Process process, Path log) throws Exception {
    CompletableFuture<Void> running = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  OutputStream out = Files.newOutputStream(log)) {
                String line;
                while ((line = in.readLine()) != null) {
                  out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                  out.flush();
                  if (line.contains("Server Running")) {
                    running.complete(null);
                  }
                }
              } catch (IOException e) {
                running.completeExceptionally(e);
              }
              running.completeExceptionally(
                  new IllegalStateException("the gateway exited before it served"));
            });
    try {
      running.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("gateway did not start:\n" + Files.readString(log), e);
    }
  }

  private static List<String> classpathEntries() {
    String full =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(full.split(java.io.File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
