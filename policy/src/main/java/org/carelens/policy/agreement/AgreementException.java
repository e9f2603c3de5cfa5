package org.carelens.policy.agreement;

/** An agreement file is invalid; the message names the file, the line and the problem. */
public final class AgreementException extends RuntimeException {

  private final String file;
  private final int line;

  public AgreementException(String file, int line, String problem) {
    super("%s line %d: %s".formatted(file, line, problem));
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }
}
