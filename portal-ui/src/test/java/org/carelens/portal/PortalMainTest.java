package org.carelens.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PortalMainTest {

  @Test
  void options_are_read_in_both_spellings() {
    PortalMain.Options spaced =
        PortalMain.Options.parse(
            new String[] {"--port", "0", "--gateway-url", "http://localhost:9000"});
    PortalMain.Options joined =
        PortalMain.Options.parse(new String[] {"--port=0", "--gateway-url=http://localhost:9000"});

    assertThat(spaced).isEqualTo(new PortalMain.Options(0, URI.create("http://localhost:9000")));
    assertThat(joined).isEqualTo(spaced);
  }

  @Test
  void defaults_are_port_8080_and_the_local_gateway() {
    PortalMain.Options options = PortalMain.Options.parse(new String[0]);

    assertThat(options)
        .isEqualTo(new PortalMain.Options(8080, URI.create("http://localhost:8081")));
  }

  @Test
  void a_bad_option_is_refused_with_a_precise_message() {
    assertThatThrownBy(() -> PortalMain.Options.parse(new String[] {"--port", "eighty"}))
        .hasMessage("--port must be a number, was 'eighty'");
    assertThatThrownBy(() -> PortalMain.Options.parse(new String[] {"--gateway", "x"}))
        .hasMessage("Unknown option '--gateway'");
    assertThatThrownBy(() -> PortalMain.Options.parse(new String[] {"--gateway-url", "ftp://x"}))
        .hasMessage("--gateway-url must be an http(s) URL, was 'ftp://x'");
  }
}
