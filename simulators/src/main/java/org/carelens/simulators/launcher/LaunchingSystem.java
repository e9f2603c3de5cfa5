package org.carelens.simulators.launcher;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated clinical system that launches Carelens, with its own issuer and signing key. Each is
 * served under its own path on the launcher: its issuer is the launcher's base issuer plus {@link
 * #path()}, and its JWKS is at {@code <path>/.well-known/jwks.json}.
 *
 * @param id e.g. {@code community-pharmacy}; chosen on the launcher page and in API requests
 * @param name what people see, e.g. {@code Riverside Community Pharmacy system}
 * @param path empty for the out-of-hours system at the launcher's root, else e.g. {@code
 *     /pharmacy-system}
 * @param deviceId the {@code requesting_device} identifier its tokens carry
 * @param deviceModel the {@code requesting_device} model
 * @param personas its users; each persona belongs to exactly one system
 */
public record LaunchingSystem(
    String id,
    String name,
    String path,
    String deviceId,
    String deviceModel,
    List<Persona> personas) {

  public LaunchingSystem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(deviceModel, "deviceModel");
    personas = List.copyOf(personas);
    if (!path.isEmpty() && (!path.startsWith("/") || path.endsWith("/"))) {
      throw new IllegalArgumentException(
          "system %s: path must be empty or start (and not end) with '/', was '%s'"
              .formatted(id, path));
    }
    if (personas.isEmpty()) {
      throw new IllegalArgumentException("system " + id + " needs at least one persona");
    }
  }

  /** The issuer ({@code iss}) of its tokens, under the launcher's base issuer. */
  public String issuer(LauncherConfig config) {
    String base = config.issuer();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  /** Where its public keys are served, relative to the launcher's base URL. */
  public String jwksPath() {
    return path + "/.well-known/jwks.json";
  }

  public Optional<Persona> persona(String personaId) {
    return personas.stream().filter(p -> p.id().equals(personaId)).findFirst();
  }
}
