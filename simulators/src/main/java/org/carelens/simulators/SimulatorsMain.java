package org.carelens.simulators;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.carelens.simulators.acute.AcuteHospitalSimulator;
import org.carelens.simulators.acute.AcuteRecords;
import org.carelens.simulators.careplans.CarePlanRecords;
import org.carelens.simulators.careplans.CarePlansSimulator;
import org.carelens.simulators.directory.EndpointDirectorySimulator;
import org.carelens.simulators.faults.FaultController;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.identity.IdentityProviderSimulator;
import org.carelens.simulators.launcher.LauncherConfig;
import org.carelens.simulators.launcher.LauncherSimulator;
import org.carelens.simulators.launcher.LaunchingSystem;
import org.carelens.simulators.launcher.LaunchingSystems;
import org.carelens.simulators.launcher.PatientTags;
import org.carelens.simulators.mentalhealth.MentalHealthRecords;
import org.carelens.simulators.mentalhealth.MentalHealthSimulator;
import org.carelens.simulators.pds.PdsSimulator;
import org.carelens.simulators.pharmacy.CommunityPharmacySimulator;
import org.carelens.simulators.pharmacy.DispensingRecords;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Practice;
import org.carelens.simulators.population.SyntheticPatient;
import org.carelens.simulators.socialcare.SocialCareRecords;
import org.carelens.simulators.socialcare.SocialCareSimulator;

/**
 * Starts every simulated source, the launcher and the fault-profile admin API in one JVM and runs
 * until killed.
 *
 * <pre>
 * --launcher-port 8090 --gp-port 8091 --gp2-port 8092 --pds-port 8093 --directory-port 8094
 * --acute-port 8095 --mental-health-port 8096 --social-care-port 8097 --pharmacy-port 8098
 * --care-plans-port 8099
 * --seed 42 --patients 2000 --fixtures DIR
 * --portal-url http://localhost:8080 --audience carelens-gateway --issuer http://localhost:8090
 * </pre>
 *
 * <p>{@code --issuer} is the out-of-hours system's {@code iss}; each other launching system's is
 * that plus its path (the community pharmacy system's: {@code <issuer>/pharmacy-system}).
 */
public final class SimulatorsMain {

  private static final Map<String, String> DEFAULTS = defaults();

  private static final List<String> NUMERIC =
      List.of(
          "--launcher-port",
          "--gp-port",
          "--gp2-port",
          "--pds-port",
          "--directory-port",
          "--acute-port",
          "--mental-health-port",
          "--social-care-port",
          "--pharmacy-port",
          "--care-plans-port",
          "--seed",
          "--patients");

  /** The sources a patient must be known to for the {@code all-sources} tag. */
  private static final List<String> ALL_SOURCES =
      List.of("pds", "gp", "acute", "mental-health", "social-care");

  private SimulatorsMain() {}

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("--launcher-port", "8090");
    defaults.put("--gp-port", "8091");
    defaults.put("--gp2-port", "8092");
    defaults.put("--pds-port", "8093");
    defaults.put("--directory-port", "8094");
    defaults.put("--acute-port", "8095");
    defaults.put("--mental-health-port", "8096");
    defaults.put("--social-care-port", "8097");
    defaults.put("--pharmacy-port", "8098");
    defaults.put("--care-plans-port", "8099");
    defaults.put("--seed", "42");
    defaults.put("--patients", String.valueOf(Population.DEFAULT_SIZE));
    defaults.put("--fixtures", "");
    defaults.put("--portal-url", LauncherConfig.DEFAULT_PORTAL_URL.toString());
    defaults.put("--audience", LauncherConfig.DEFAULT_AUDIENCE);
    defaults.put("--issuer", LauncherConfig.DEFAULT_ISSUER);
    return Map.copyOf(defaults);
  }

  public static void main(String[] args) throws InterruptedException {
    // Before any logger exists: HAPI and WireMock log at INFO, which would drown the URLs below.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> options;
    Fixtures fixtures;
    try {
      options = parse(args);
      fixtures =
          options.get("--fixtures").isBlank()
              ? Fixtures.none()
              : Fixtures.from(Path.of(options.get("--fixtures")));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: " + String.join(" ", usage()));
      System.exit(2);
      return;
    }
    Clock clock = Clock.systemUTC();
    long started = System.nanoTime();
    Population population =
        Population.generate(
            Long.parseLong(options.get("--seed")),
            Integer.parseInt(options.get("--patients")),
            LocalDate.now(clock));
    long generatedMs = (System.nanoTime() - started) / 1_000_000;
    LauncherConfig config =
        new LauncherConfig(
            options.get("--issuer"),
            options.get("--audience"),
            URI.create(options.get("--portal-url")));

    List<AutoCloseable> running = new ArrayList<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    running
                        .reversed()
                        .forEach(
                            simulator -> {
                              try {
                                simulator.close();
                              } catch (Exception e) {
                                System.err.println("stopping " + simulator + ": " + e);
                              }
                            }),
                "simulators-shutdown"));

    GpPracticeSimulator riverside =
        new GpPracticeSimulator(population, Practice.RIVERSIDE, clock, fixtures)
            .start(port(options, "--gp-port"));
    running.add(riverside);
    GpPracticeSimulator hillside =
        new GpPracticeSimulator(population, Practice.HILLSIDE, clock, fixtures)
            .start(port(options, "--gp2-port"));
    running.add(hillside);
    PdsSimulator pds = new PdsSimulator(population, fixtures).start(port(options, "--pds-port"));
    running.add(pds);
    Map<String, Supplier<String>> endpoints = new LinkedHashMap<>();
    endpoints.put(Practice.RIVERSIDE.odsCode(), riverside::baseUrl);
    endpoints.put(Practice.HILLSIDE.odsCode(), hillside::baseUrl);
    EndpointDirectorySimulator directory =
        new EndpointDirectorySimulator(endpoints).start(port(options, "--directory-port"));
    running.add(directory);
    AcuteHospitalSimulator acute =
        new AcuteHospitalSimulator(population, fixtures).start(port(options, "--acute-port"));
    running.add(acute);
    MentalHealthSimulator mentalHealth =
        new MentalHealthSimulator(population, fixtures)
            .start(port(options, "--mental-health-port"));
    running.add(mentalHealth);
    SocialCareSimulator socialCare =
        new SocialCareSimulator(population, fixtures, clock)
            .start(port(options, "--social-care-port"));
    running.add(socialCare);
    CommunityPharmacySimulator pharmacy =
        new CommunityPharmacySimulator(population, fixtures)
            .start(port(options, "--pharmacy-port"));
    running.add(pharmacy);
    CarePlansSimulator carePlans =
        new CarePlansSimulator(population, fixtures).start(port(options, "--care-plans-port"));
    running.add(carePlans);

    FaultController faults = new FaultController();
    faults.register("pds", "pds", pds.server());
    faults.register(
        "gp",
        "gp",
        List.of(riverside.server(), hillside.server()),
        List.of("gp-" + Practice.RIVERSIDE.odsCode(), "gp-" + Practice.HILLSIDE.odsCode()));
    faults.register("directory", "directory", directory.server());
    faults.register("acute", "acute", acute.server());
    faults.register("mental-health", "mental-health", mentalHealth.server());
    faults.register("social-care", "social-care", socialCare.server());
    faults.register("pharmacy", "pharmacy", pharmacy.server());
    faults.register("care-plans", "care-plans", carePlans.server());

    LauncherSimulator launcher = new LauncherSimulator(population, config, clock, tags(population));
    launcher.addAdminRoute(faults);
    // The CIS2-like identity provider for users who sign in rather than launch (issue 11): its
    // issuer is the launcher's base URL, so discovery is at
    // <launcher>/.well-known/openid-configuration.
    IdentityProviderSimulator identity =
        new IdentityProviderSimulator(
            config.issuer(),
            config.portalUrl(),
            IdentityProviderSimulator.DEFAULT_CLIENT_ID,
            clock);
    launcher.addAdminRoute(identity);
    // Before the launcher answers (./carelens demo waits for it): the sources' first answers must
    // not be slowed by HAPI building its models.
    FhirWarmUp.run();
    launcher.start(port(options, "--launcher-port"));
    running.add(launcher);

    System.out.printf(
        "Carelens simulators: %d patients (seed %d, generated in %d ms)%s%n",
        population.patients().size(),
        population.seed(),
        generatedMs,
        fixtures.enabled() ? ", fixtures from " + options.get("--fixtures") : "");
    System.out.println("  Launcher case list   " + launcher.baseUrl() + "/");
    for (LaunchingSystem system : LaunchingSystems.ALL) {
      System.out.printf(
          "  Launching system     %s: iss %s, JWKS %s (aud %s)%n",
          system.id(),
          launcher.issuer(system.id()),
          launcher.jwksUrl(system.id()),
          config.audience());
    }
    System.out.printf(
        "  Sign-in (CIS2-like)  %s%s (client %s, redirect %s)%n",
        identity.issuer(),
        IdentityProviderSimulator.DISCOVERY_PATH,
        identity.clientId(),
        identity.redirectUri());
    System.out.println("  Patients + scenarios " + launcher.baseUrl() + "/api/patients");
    System.out.println("  Sources + faults     " + launcher.baseUrl() + "/api/sources");
    System.out.println("  Portal launch URL    " + config.portalLaunchUrl());
    System.out.println("  PDS (FHIR R4)        " + pds.baseUrl() + "/Patient/{nhsNumber}");
    System.out.println(
        "  Endpoint directory   " + directory.baseUrl() + "/Endpoint?organization=...");
    System.out.println(
        "  GP A81001 (GPC 1.6)  " + riverside.baseUrl() + "/Patient/$gpc.getstructuredrecord");
    System.out.println(
        "  GP B82005 (GPC 1.6)  " + hillside.baseUrl() + "/Patient/$gpc.getstructuredrecord");
    System.out.println("  Acute (FHIR R4)      " + acute.baseUrl());
    System.out.println("  Mental health (XML)  " + mentalHealth.baseUrl());
    System.out.println("  Social care (JSON)   " + socialCare.baseUrl());
    System.out.println(
        "  Pharmacy (JSON)      " + pharmacy.baseUrl() + "/api/v1/patients/{nhsNumber}/dispensing");
    System.out.println(
        "  Care plans (NRL R4)  "
            + carePlans.baseUrl()
            + "/DocumentReference?subject:identifier=...");
    System.out.println("Press Ctrl+C to stop.");
    new CountDownLatch(1).await();
  }

  /**
   * Scenario tags and known sources for the launcher: the population's own tags, narrowed or
   * extended by what each source decides for itself.
   */
  static PatientTags tags(Population population) {
    return new PatientTags(
        patient -> {
          List<String> tags = new ArrayList<>(patient.scenarios());
          boolean acute = AcuteRecords.knownToAcute(population, patient.nhsNumber());
          if (!acute) {
            // The duplicate and the dose change only exist when the hospital holds the discharge.
            tags.remove(SyntheticPatient.DUPLICATE_MEDICATION);
            tags.remove(SyntheticPatient.DOSE_CHANGE);
          }
          if (!tags.contains(SyntheticPatient.SENSITIVE)
              && AcuteRecords.hasSensitiveItems(population, patient.nhsNumber())) {
            tags.add(SyntheticPatient.SENSITIVE);
          }
          if (MentalHealthRecords.sharingRefusedAtMentalHealth(population, patient.nhsNumber())) {
            tags.add("dissent:mental-health");
          }
          if (CarePlanRecords.hasCarePlans(population, patient.nhsNumber())) {
            tags.add(CarePlanRecords.CARE_PLAN_TAG);
          }
          if (knownTo(population, patient).containsAll(ALL_SOURCES)) {
            tags.add("all-sources");
          }
          return List.copyOf(tags);
        },
        patient -> knownTo(population, patient));
  }

  private static List<String> knownTo(Population population, SyntheticPatient patient) {
    List<String> known = new ArrayList<>(List.of("pds", "gp"));
    if (AcuteRecords.knownToAcute(population, patient.nhsNumber())) {
      known.add("acute");
    }
    if (MentalHealthRecords.knownToMentalHealth(population, patient.nhsNumber())) {
      known.add("mental-health");
    }
    if (SocialCareRecords.knownToSocialCare(population, patient.nhsNumber())) {
      known.add("social-care");
    }
    if (DispensingRecords.knownToPharmacy(population, patient.nhsNumber())) {
      known.add("pharmacy");
    }
    if (CarePlanRecords.hasCarePlans(population, patient.nhsNumber())) {
      known.add("care-plans");
    }
    return List.copyOf(known);
  }

  private static int port(Map<String, String> options, String name) {
    return Integer.parseInt(options.get(name));
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
    for (String numeric : NUMERIC) {
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
        .map(e -> "[" + e.getKey() + " " + (e.getValue().isEmpty() ? "DIR" : e.getValue()) + "]")
        .toList();
  }
}
