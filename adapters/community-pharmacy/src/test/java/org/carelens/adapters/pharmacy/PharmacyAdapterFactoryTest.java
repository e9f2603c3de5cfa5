package org.carelens.adapters.pharmacy;

import java.util.HashMap;
import java.util.Map;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.tck.AdapterFactoryContract;

class PharmacyAdapterFactoryTest extends AdapterFactoryContract {

  @Override
  protected SourceAdapterFactory factory() {
    return new PharmacyAdapterFactory();
  }

  @Override
  protected String expectedOrganisationOds() {
    return "FA123";
  }

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "http://localhost:8098");
    settings.put("provider-ods", "FA123");
    settings.put("name", "Configured name");
    settings.put("time-limit", "2s");
    settings.put("connect-timeout", "1s");
    return settings;
  }
}
