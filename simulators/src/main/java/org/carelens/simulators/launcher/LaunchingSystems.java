package org.carelens.simulators.launcher;

import java.util.List;
import java.util.Optional;

/** The simulated launching systems, each with its own key: out-of-hours and community pharmacy. */
public final class LaunchingSystems {

  private LaunchingSystems() {}

  /**
   * The out-of-hours system at the launcher's root. For the demo it also hosts the hospital
   * pharmacist and the council social worker.
   */
  public static final LaunchingSystem OUT_OF_HOURS =
      new LaunchingSystem(
          "out-of-hours",
          "Carelens Out-of-Hours",
          "",
          "ooh-launcher",
          "Carelens simulated OOH system",
          Personas.ALL);

  /** A community pharmacy's dispensing system, its own issuer under {@code /pharmacy-system}. */
  public static final LaunchingSystem COMMUNITY_PHARMACY =
      new LaunchingSystem(
          "community-pharmacy",
          "Riverside Community Pharmacy system",
          "/pharmacy-system",
          "pharmacy-launcher",
          "Carelens simulated community pharmacy system",
          List.of(Personas.COMMUNITY_PHARMACIST));

  public static final List<LaunchingSystem> ALL = List.of(OUT_OF_HOURS, COMMUNITY_PHARMACY);

  public static Optional<LaunchingSystem> find(String id) {
    return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The system a persona belongs to. */
  public static Optional<LaunchingSystem> of(String personaId) {
    return ALL.stream().filter(s -> s.persona(personaId).isPresent()).findFirst();
  }
}
