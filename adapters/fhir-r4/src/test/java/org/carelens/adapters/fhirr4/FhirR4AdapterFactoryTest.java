package org.carelens.adapters.fhirr4;

import java.util.HashMap;
import java.util.Map;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.tck.AdapterFactoryContract;

class FhirR4AdapterFactoryTest extends AdapterFactoryContract {

  @Override
  protected SourceAdapterFactory factory() {
    return new FhirR4AdapterFactory();
  }

  @Override
  protected String expectedOrganisationOds() {
    return "RXX";
  }

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "http://localhost:8095");
    settings.put("provider-ods", "RXX");
    settings.put("name", "Configured name");
    settings.put("time-limit", "2s");
    settings.put("connect-timeout", "1s");
    return settings;
  }
}
