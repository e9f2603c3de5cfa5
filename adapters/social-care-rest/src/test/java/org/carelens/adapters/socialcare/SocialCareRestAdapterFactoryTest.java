package org.carelens.adapters.socialcare;

import java.util.HashMap;
import java.util.Map;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.tck.AdapterFactoryContract;

class SocialCareRestAdapterFactoryTest extends AdapterFactoryContract {

  @Override
  protected SourceAdapterFactory factory() {
    return new SocialCareRestAdapterFactory();
  }

  @Override
  protected String expectedOrganisationOds() {
    return "LA001";
  }

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "http://localhost:8097");
    settings.put("provider-ods", "LA001");
    settings.put("client-id", "carelens");
    settings.put("client-secret", "a-secret");
    settings.put("name", "Configured name");
    settings.put("time-limit", "2s");
    settings.put("connect-timeout", "1s");
    return settings;
  }
}
