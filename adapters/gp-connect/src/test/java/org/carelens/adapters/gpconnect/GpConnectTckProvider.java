package org.carelens.adapters.gpconnect;

import java.net.URI;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.TckSource;

/** The GP Connect adapter called at a fixed practice URL. */
public final class GpConnectTckProvider extends GpConnectTckProviderBase {

  private static final String FHIR_BASE = "/A81001/STU3/1/gpconnect/structured/fhir";

  @Override
  public SourceAdapter create(TckSource source) {
    return new GpConnectAdapter(
        GpConnectConfig.withDefaults(
                "gp",
                "GP practice (GP Connect)",
                URI.create(source.baseUrl() + FHIR_BASE),
                "A81001",
                "200000000359")
            .withTimeouts(source.requestTimeout(), source.requestTimeout())
            .withMaxResponseBytes(source.maxResponseBytes()));
  }

  @Override
  String operationPath() {
    return FHIR_BASE + "/Patient/$gpc.getstructuredrecord";
  }
}
