package org.carelens.adapters.gpconnect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceRequest;

/** Hand-written GP Connect 1.6 payloads and request values shared by the tests. */
public final class Fixtures {

  /** Jane Smith, structured-record-full.json. */
  public static final NhsNumber FULL_PATIENT = new NhsNumber("9990000018");

  /** Ravi Patel, structured-record-nil-known.json. */
  public static final NhsNumber NIL_KNOWN_PATIENT = new NhsNumber("9990000026");

  /** Alex Brown, structured-record-confidential.json. */
  public static final NhsNumber CONFIDENTIAL_PATIENT = new NhsNumber("9990000034");

  /** GP Connect 1.6's List.code (SNOMED CT) for "Medications and medical devices". */
  public static final String MEDICATIONS_LIST_CODE = "933361000000108";

  public static final RequestContext CONTEXT =
      new RequestContext(
          "5f3c7d2e-9a41-4b8e-8c1d-2b6f0e7a9c13",
          "555123456789",
          "Dr Anna Clarke",
          "S0030:G0100:R0260",
          "RY448",
          "Urgent Care Centre Leeds");

  private Fixtures() {}

  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/gpconnect/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SourceRequest request(NhsNumber nhsNumber, Section... sections) {
    return new SourceRequest(nhsNumber, Set.of(sections), CONTEXT);
  }
}
