package org.carelens.gateway.fanout;

import java.util.Map;

/** Builds {@link SourceAdapters} from adapters made in a test, for engines built without DI. */
public final class TestSourceAdapters {

  private TestSourceAdapters() {}

  public static SourceAdapters of(Map<org.carelens.sdk.spi.SourceAdapter, SourceProperties> map) {
    return new SourceAdapters(map);
  }
}
