package org.carelens.adapters.socialcare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceRequest;

/** Sample payloads (src/test/resources) and requests. */
final class Samples {

  static final NhsNumber PATIENT = new NhsNumber("9990000018");
  static final RequestContext CONTEXT =
      new RequestContext(
          "6f1c7d1e-2f0b-4c39-8a53-1d1c6e0f9a20",
          "555123456789",
          "Dr Alex Clarke",
          "R0260",
          "RY448",
          "Urgent Care Centre Leeds");

  private Samples() {}

  static String text(String resource) {
    try (InputStream in = Samples.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SourceRequest request(NhsNumber patient, Section... sections) {
    Set<Section> asked = sections.length == 0 ? EnumSet.allOf(Section.class) : Set.of(sections);
    return new SourceRequest(patient, asked, CONTEXT);
  }
}
