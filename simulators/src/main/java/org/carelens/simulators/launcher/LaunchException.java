package org.carelens.simulators.launcher;

import java.util.Objects;

/**
 * A launch the simulator refuses, with the HTTP status and problem type it answers with (RFC 9457
 * problem details).
 */
public final class LaunchException extends RuntimeException {

  /** Why the launch was refused. */
  public enum Reason {
    UNKNOWN_PERSONA(400, "Unknown persona"),
    UNKNOWN_SYSTEM(400, "Unknown launching system"),
    INVALID_NHS_NUMBER(400, "Invalid NHS number"),
    INVALID_REQUEST(400, "Invalid request"),
    PATIENT_NOT_FOUND(404, "Patient not found");

    private final int status;
    private final String title;

    Reason(int status, String title) {
      this.status = status;
      this.title = title;
    }

    public int status() {
      return status;
    }

    public String title() {
      return title;
    }

    /** The problem type URI, e.g. {@code https://carelens.org/problems/unknown-persona}. */
    public String type() {
      return "https://carelens.org/problems/" + name().toLowerCase().replace('_', '-');
    }
  }

  private final Reason reason;

  public LaunchException(Reason reason, String detail) {
    super(Objects.requireNonNull(detail, "detail"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
