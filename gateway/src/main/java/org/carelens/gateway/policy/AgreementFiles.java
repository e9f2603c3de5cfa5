package org.carelens.gateway.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carelens.policy.agreement.AgreementException;
import org.carelens.policy.agreement.AgreementLoader;
import org.carelens.policy.agreement.SharingAgreement;

/** Reads an agreement from the classpath or a file and parses it, naming the file in any error. */
public final class AgreementFiles {

  private AgreementFiles() {}

  /**
   * Loads {@code location}: {@code classpath:path}, {@code file:path} or a plain file path.
   *
   * @throws AgreementException naming the file and line of the problem, or line 1 when the file
   *     cannot be read at all
   */
  public static SharingAgreement load(String location) {
    return AgreementLoader.parse(read(location), location);
  }

  /** The text at {@code location}, as {@link #load} reads it. */
  public static String read(String location) {
    try {
      if (location.startsWith("classpath:")) {
        String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
        try (InputStream in = AgreementFiles.class.getClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new AgreementException(location, 1, "no such resource on the classpath");
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AgreementException(location, 1, "cannot be read (" + e + ")");
    }
  }
}
