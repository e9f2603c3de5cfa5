package org.carelens.simulators;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.carelens.simulators.acute.AcuteHospitalSimulator;
import org.carelens.simulators.acute.AcuteRecords;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.launcher.LauncherConfig;
import org.carelens.simulators.launcher.LauncherSimulator;
import org.carelens.simulators.mentalhealth.MentalHealthSimulator;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.socialcare.SocialCareSimulator;

/**
 * Starts the launcher (simulated out-of-hours system) and the GP practice in one JVM and runs until
 * killed.
 *
 * <pre>
 * --launcher-port 8090 --gp-port 8091 --acute-port 8095 --mental-health-port 8096 --social-care-port 8097 --seed 42 --patients 60
 * --portal-url http://localhost:8080 --audience carelens-gateway --issuer http://localhost:8090
 * </pre>
 */
public final class SimulatorsMain {

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "--launcher-port",
          "8090",
          "--gp-port",
          "8091",
          "--acute-port",
          "8095",
          "--mental-health-port",
          "8096",
          "--social-care-port",
          "8097",
          "--seed",
          "42",
          "--patients",
          String.valueOf(Population.DEFAULT_SIZE),
          "--portal-url",
          LauncherConfig.DEFAULT_PORTAL_URL.toString(),
          "--audience",
          LauncherConfig.DEFAULT_AUDIENCE,
          "--issuer",
          LauncherConfig.DEFAULT_ISSUER);

  private SimulatorsMain() {}

  public static void main(String[] args) throws InterruptedException {
    // Before any logger exists: HAPI and WireMock log at INFO, which would drown the URLs below.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: " + String.join(" ", usage()));
      System.exit(2);
      return;
    }
    Clock clock = Clock.systemUTC();
    Population population =
        Population.generate(
            Long.parseLong(options.get("--seed")),
            Integer.parseInt(options.get("--patients")),
            LocalDate.now(clock));
    LauncherConfig config =
        new LauncherConfig(
            options.get("--issuer"),
            options.get("--audience"),
            URI.create(options.get("--portal-url")));
    LauncherSimulator launcher = new LauncherSimulator(population, config, clock);
    GpPracticeSimulator gp =
        new GpPracticeSimulator(population, population.practices().getFirst(), clock);
    AcuteHospitalSimulator acute = new AcuteHospitalSimulator(population, Fixtures.none());
    MentalHealthSimulator mentalHealth = new MentalHealthSimulator(population, Fixtures.none());
    SocialCareSimulator socialCare = new SocialCareSimulator(population, Fixtures.none(), clock);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  launcher.stop();
                  gp.stop();
                  acute.stop();
                  mentalHealth.stop();
                  socialCare.stop();
                },
                "simulators-shutdown"));
    launcher.start(Integer.parseInt(options.get("--launcher-port")));
    gp.start(Integer.parseInt(options.get("--gp-port")));
    acute.start(Integer.parseInt(options.get("--acute-port")));
    mentalHealth.start(Integer.parseInt(options.get("--mental-health-port")));
    socialCare.start(Integer.parseInt(options.get("--social-care-port")));

    System.out.printf(
        "Carelens simulators: %d patients (seed %d)%n",
        population.patients().size(), population.seed());
    System.out.println("  Launcher case list   " + launcher.baseUrl() + "/");
    System.out.println("  Launcher JWKS        " + launcher.jwksUrl());
    System.out.println(
        "  Launch token issuer  " + config.issuer() + " (aud " + config.audience() + ")");
    System.out.println("  Portal launch URL    " + config.portalLaunchUrl());
    System.out.println(
        "  GP practice "
            + gp.practice().odsCode()
            + "       "
            + gp.baseUrl()
            + "/Patient/$gpc.getstructuredrecord");
    System.out.println(
        "  Acute trust "
            + AcuteRecords.TRUST_ODS
            + "        "
            + acute.baseUrl()
            + "/Encounter?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber} (FHIR R4)");
    System.out.println(
        "  Mental health "
            + MentalHealthSimulator.TRUST_ODS
            + "     "
            + mentalHealth.baseUrl()
            + "/rio/api/v2/clients/{nhsNumber}/summary");
    System.out.println(
        "  Social care "
            + SocialCareSimulator.COUNCIL_CODE
            + "     "
            + socialCare.baseUrl()
            + "/api/v1/people?nhsNumber=... (OAuth2 "
            + socialCare.baseUrl()
            + SocialCareSimulator.TOKEN_PATH
            + ")");
    System.out.println("Press Ctrl+C to stop.");
    new CountDownLatch(1).await();
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>(DEFAULTS);
    for (int i = 0; i < args.length; i += 2) {
      if (!DEFAULTS.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      options.put(args[i], args[i + 1]);
    }
    for (String numeric :
        List.of(
            "--launcher-port",
            "--gp-port",
            "--acute-port",
            "--mental-health-port",
            "--social-care-port",
            "--seed",
            "--patients")) {
      if (!options.get(numeric).matches("-?\\d+")) {
        throw new IllegalArgumentException(
            numeric + " must be a whole number, was '" + options.get(numeric) + "'");
      }
    }
    return options;
  }

  private static List<String> usage() {
    return DEFAULTS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> "[" + e.getKey() + " " + e.getValue() + "]")
        .toList();
  }
}
