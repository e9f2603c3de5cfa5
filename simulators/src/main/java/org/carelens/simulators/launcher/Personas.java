package org.carelens.simulators.launcher;

import java.util.List;
import java.util.Optional;
import org.carelens.simulators.launcher.Persona.Organisation;

/**
 * The fixed users of the simulated launching systems: {@link #ALL} for the out-of-hours system, one
 * per Carelens role, and {@link #COMMUNITY_PHARMACIST} for the community pharmacy system.
 */
public final class Personas {

  private Personas() {}

  public static final Organisation OOH_SERVICE =
      new Organisation("Y03012", "Carelens Out-of-Hours Service", "out-of-hours");
  public static final Organisation HOSPITAL_PHARMACY =
      new Organisation("RXX01", "Riverside Hospital Pharmacy", "acute-trust");
  public static final Organisation COUNCIL_SOCIAL_CARE =
      new Organisation("LA001", "Riverside Council Adult Social Care", "local-authority");
  public static final Organisation COMMUNITY_PHARMACY =
      new Organisation("FA123", "Riverside Community Pharmacy", "community-pharmacy");

  public static final Persona OOH_DOCTOR =
      new Persona(
          "ooh-doctor",
          "555010000101",
          "555010000201",
          "Dr",
          "Amira",
          "Khan",
          "clinician",
          "Out-of-hours GP",
          OOH_SERVICE);
  public static final Persona PHARMACIST =
      new Persona(
          "pharmacist",
          "555010000102",
          "555010000202",
          "Ms",
          "Priya",
          "Shah",
          "pharmacist",
          "Medicines reconciliation pharmacist",
          HOSPITAL_PHARMACY);
  public static final Persona SOCIAL_WORKER =
      new Persona(
          "social-worker",
          "555010000103",
          "555010000203",
          "Mr",
          "Daniel",
          "Hughes",
          "social-worker",
          "Adult social worker",
          COUNCIL_SOCIAL_CARE);
  public static final Persona IG_OFFICER =
      new Persona(
          "ig-officer",
          "555010000104",
          "555010000204",
          "Mrs",
          "Helen",
          "Carter",
          "ig-officer",
          "Information governance officer",
          OOH_SERVICE);
  public static final Persona ADMINISTRATOR =
      new Persona(
          "administrator",
          "555010000105",
          "555010000205",
          "Ms",
          "Sophie",
          "Turner",
          "administrator",
          "Receptionist",
          OOH_SERVICE);

  /**
   * The shared care record's federation-wide IG lead, employed by the trust that hosts it; the
   * sharing agreement names the {@code federation-ig} role as auditing every organisation.
   */
  public static final Persona FEDERATION_IG =
      new Persona(
          "federation-ig",
          "555010000107",
          "555010000207",
          "Mr",
          "Owen",
          "Price",
          "federation-ig",
          "Federation IG lead",
          new Organisation(
              "RXX01", "Riverside University Hospitals (shared record host)", "acute-trust"));

  /** The community pharmacist, the only user of the community pharmacy system. */
  public static final Persona COMMUNITY_PHARMACIST =
      new Persona(
          "community-pharmacist",
          "555010000106",
          "555010000206",
          "Mr",
          "Tomasz",
          "Nowak",
          "pharmacist",
          "Community pharmacist",
          COMMUNITY_PHARMACY);

  /** The users of the out-of-hours system. */
  public static final List<Persona> ALL =
      List.of(OOH_DOCTOR, PHARMACIST, SOCIAL_WORKER, IG_OFFICER, FEDERATION_IG, ADMINISTRATOR);

  /** A persona of any simulated system. */
  public static Optional<Persona> find(String id) {
    return java.util.stream.Stream.concat(
            ALL.stream(), java.util.stream.Stream.of(COMMUNITY_PHARMACIST))
        .filter(p -> p.id().equals(id))
        .findFirst();
  }
}
