package org.carelens.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 10: host and port details go to logs and audit, not to viewers. */
class ViewerDetailTest {

  @Test
  void host_names_ports_and_urls_are_removed_and_what_went_wrong_stays() {
    assertThat(ViewerDetail.of("could not connect to gp-a81001.internal.trust:8443 within PT1S"))
        .isEqualTo("could not connect to the source's address within PT1S");
    assertThat(ViewerDetail.of("HTTP 502 from https://10.2.3.4:9000/fhir/Patient?x=1"))
        .isEqualTo("HTTP 502 from the source's address");
    assertThat(ViewerDetail.of("could not connect to 127.0.0.1:8091 (ConnectException)"))
        .isEqualTo("could not connect to the source's address (ConnectException)");
    assertThat(ViewerDetail.of("unknown host gp.internal.trust"))
        .isEqualTo("unknown host (see the gateway log)");
  }

  @Test
  void details_without_addresses_are_unchanged() {
    String detail = "Source answered HTTP 500; 2 of 3 pages read at 10:30";

    assertThat(ViewerDetail.of(detail)).isEqualTo(detail);
    assertThat(ViewerDetail.of(null)).isNull();
  }
}
