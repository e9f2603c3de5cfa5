package org.carelens.sdk.spi;

import java.util.Objects;

/**
 * A source's configuration is missing a setting or has a wrong one. The message starts with the
 * full name of the setting, e.g. {@code carelens.sources.acute.url: not an absolute http(s) URI},
 * so an operator can find it; it never contains the value of a secret.
 */
public final class SourceConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String setting;

  /**
   * @param setting the full name of the setting, e.g. {@code carelens.sources.acute.url}, or of the
   *     source ({@code carelens.sources.acute}) when no one setting is at fault
   * @param problem what is wrong, e.g. "not an absolute http(s) URI"
   */
  public SourceConfigException(String setting, String problem) {
    super(Objects.requireNonNull(setting, "setting") + ": " + Objects.requireNonNull(problem));
    this.setting = setting;
  }

  /** The full name of the setting at fault. */
  public String setting() {
    return setting;
  }
}
