package org.carelens.adapters.pds;

import java.util.HashMap;
import java.util.Map;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.tck.AdapterFactoryContract;

class PdsAdapterFactoryTest extends AdapterFactoryContract {

  @Override
  protected SourceAdapterFactory factory() {
    return new PdsAdapterFactory();
  }

  @Override
  protected String expectedOrganisationOds() {
    return "X26";
  }

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "http://localhost:8093");
    settings.put("name", "Configured name");
    settings.put("time-limit", "2s");
    settings.put("connect-timeout", "1s");
    return settings;
  }
}
